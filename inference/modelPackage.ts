/**
 * Model package loading: reads and validates `model.json` (format `index-tts-web/model@1`, see
 * cache_hub/README.md). Only the manifest is read here; ONNX files are opened lazily by the sessions,
 * and each file's sha256 is checked when its session is created (verifyFile).
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { access, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { z } from "zod";
import { TTSError } from "./errors";
import { FRONTEND_NAME, SYMBOLS } from "./frontend/symbols";

export const MODEL_PARTS = ["encoder", "decoder", "vocoder", "emotion"] as const;
export type ModelPart = (typeof MODEL_PARTS)[number];
export type Precision = "fp32" | "fp16";

const plainFile = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, "must be a plain file name");
const partFiles = z.object({ fp32: plainFile, fp16: plainFile.optional() });
const language = z.enum(["en", "zh"]);

export const modelManifestSchema = z.object({
  format: z.literal("index-tts-web/model@1"),
  id: z.string().min(1),
  name: z.string().min(1),
  version: z.string().min(1),
  license: z.string().optional(),
  provenance: z.unknown().optional(),
  audio: z.object({
    sample_rate: z.number().int().positive(),
    hop_length: z.number().int().positive(),
    n_mels: z.literal(80),
    mel_mean: z.number(),
    mel_std: z.number().positive(),
  }).passthrough(),
  frontend: z.object({
    name: z.string(),
    languages: z.array(language).min(1),
    symbols: z.array(z.string()).min(1),
  }),
  speakers: z.array(z.object({
    id: z.string().min(1),
    name: z.string().min(1),
    index: z.number().int().nonnegative(),
    languages: z.array(language).min(1),
  })).min(1),
  emotions: z.object({
    names: z.array(z.string()).length(8),
    style_dim: z.number().int().positive(),
    neutral_style: z.array(z.number()),
  }),
  decoder: z.object({
    solver: z.literal("euler"),
    default_steps: z.number().int().positive(),
    min_steps: z.number().int().positive(),
    max_steps: z.number().int().positive(),
    temperature: z.number().nonnegative(),
    frame_multiple: z.number().int().positive(),
    /** Encoder prior frames per token, interpolated over the token (lengthRegulator.ts); 1 = repeated. */
    prior_anchors: z.number().int().min(1).max(8).default(1),
    /** The encoder predicts a pitch contour (same anchors) and the decoder takes it as an input. */
    pitch: z.boolean().default(false),
  }),
  files: z.object({ encoder: partFiles, decoder: partFiles, vocoder: partFiles, emotion: partFiles }),
  sha256: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
}).passthrough();

export type ModelManifest = z.infer<typeof modelManifestSchema>;

export type ModelPackage = {
  dir: string;
  manifest: ModelManifest;
  /** Absolute path of a part's ONNX file in the wanted precision (FP32 when no FP16 file is listed). */
  filePath(part: ModelPart, precision: Precision): string;
  /** The expected sha256 of a file of the package. */
  expectedSha256(file: string): string;
};

function invalid(dir: string, why: string): TTSError {
  return new TTSError("model_unavailable", `model package ${dir} is invalid: ${why}`);
}

/** Checks that the manifest is internally consistent and matches this engine's front end. */
function checkConsistency(dir: string, m: ModelManifest): void {
  if (m.frontend.name !== FRONTEND_NAME) {
    throw invalid(dir, `front end ${JSON.stringify(m.frontend.name)} is not implemented (need ${FRONTEND_NAME})`);
  }
  // The package's table must be the engine's table (or a prefix of it: the table is append-only).
  const mismatch = m.frontend.symbols.findIndex((s, i) => s !== SYMBOLS[i]);
  if (mismatch >= 0 || m.frontend.symbols.length > SYMBOLS.length) {
    throw invalid(dir, `phoneme symbol table differs from the engine's at index ${mismatch}`);
  }
  if (m.emotions.neutral_style.length !== m.emotions.style_dim) {
    throw invalid(dir, "emotions.neutral_style length differs from emotions.style_dim");
  }
  const d = m.decoder;
  if (!(d.min_steps <= d.default_steps && d.default_steps <= d.max_steps)) {
    throw invalid(dir, "decoder steps must satisfy min_steps <= default_steps <= max_steps");
  }
  for (const part of MODEL_PARTS) {
    for (const file of Object.values(m.files[part])) {
      if (file && !m.sha256[file]) throw invalid(dir, `no sha256 for ${file}`);
    }
  }
}

/** Reads and validates `<dir>/model.json` and checks that every listed file exists. */
export async function loadModelPackage(modelDir: string): Promise<ModelPackage> {
  const dir = resolve(modelDir);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(join(dir, "model.json"), "utf8"));
  } catch (e) {
    throw new TTSError("model_unavailable", `cannot read ${join(dir, "model.json")}: ${(e as Error).message}`, { cause: e });
  }
  const parsed = modelManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw invalid(dir, issues.join("; "));
  }
  const manifest = parsed.data;
  checkConsistency(dir, manifest);
  for (const part of MODEL_PARTS) {
    for (const file of Object.values(manifest.files[part])) {
      if (!file) continue;
      await access(join(dir, file)).catch(() => {
        throw invalid(dir, `missing file ${file}`);
      });
    }
  }
  return {
    dir,
    manifest,
    filePath: (part, precision) => join(dir, manifest.files[part][precision] ?? manifest.files[part].fp32),
    expectedSha256: (file) => manifest.sha256[file] ?? "",
  };
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Fails with model_unavailable when a file's content does not match the manifest's checksum. */
export async function verifyFile(pkg: ModelPackage, path: string): Promise<void> {
  const file = path.slice(pkg.dir.length + 1);
  const actual = await sha256File(path);
  if (actual !== pkg.expectedSha256(file)) {
    throw new TTSError("model_unavailable", `checksum mismatch for ${path}: the package is corrupt or modified`);
  }
}
