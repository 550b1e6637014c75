// The list of model packages the launcher can download into cache_hub/ (cache_hub/models.manifest.json).
// The bundled default voice ships in the repository and is never listed here.
import { readFile } from "node:fs/promises";
import { z } from "zod";

// Plain names only: a manifest must never be able to write outside its package folder.
const safeName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, "must be a plain file or folder name");

export const manifestFileSchema = z.object({
  path: safeName,
  url: z.string().url().refine((u) => /^https?:\/\//.test(u), "must be an http(s) URL"),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "must be 64 lowercase hex digits"),
});

export const manifestPackageSchema = z.object({
  id: safeName.refine((id) => id !== "default", "the default voice is bundled, not downloaded"),
  name: z.string().min(1),
  description: z.string().optional(),
  license: z.string().optional(),
  // Optional packages are fetched only when TTS_MODELS names them (or says "all").
  optional: z.boolean().default(true),
  files: z
    .array(manifestFileSchema)
    .min(1)
    .refine((files) => files.some((f) => f.path === "model.json"), "a package needs a model.json"),
});

export const modelsManifestSchema = z.object({
  format: z.literal("index-tts-web/models-manifest@1"),
  packages: z.array(manifestPackageSchema),
});

export type ManifestFile = z.infer<typeof manifestFileSchema>;
export type ManifestPackage = z.infer<typeof manifestPackageSchema>;
export type ModelsManifest = z.infer<typeof modelsManifestSchema>;

export async function readModelsManifest(path: string): Promise<ModelsManifest> {
  const raw = JSON.parse(await readFile(path, "utf8")) as unknown;
  const parsed = modelsManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new Error(`invalid models manifest ${path}: ${issues.join("; ")}`);
  }
  const ids = parsed.data.packages.map((p) => p.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw new Error(`invalid models manifest ${path}: package id "${duplicate}" appears twice`);
  return parsed.data;
}

/**
 * Which packages to fetch. `selection` is the TTS_MODELS value: empty → none,
 * "all" → every package, otherwise a comma/space separated list of ids.
 */
export function selectPackages(manifest: ModelsManifest, selection: string | undefined): {
  selected: ManifestPackage[];
  unknown: string[];
} {
  const wanted = (selection ?? "").split(/[\s,]+/).filter(Boolean);
  if (wanted.length === 0) return { selected: [], unknown: [] };
  if (wanted.includes("all")) return { selected: manifest.packages, unknown: [] };
  const selected = manifest.packages.filter((p) => wanted.includes(p.id));
  const unknown = wanted.filter((id) => !manifest.packages.some((p) => p.id === id));
  return { selected, unknown };
}
