/**
 * The one engine registry of the app: every model package under TTS_MODEL_DIR (default `cache_hub/`;
 * a folder with a model.json is one package, `default` first) gets a lazily loaded TTS engine.
 * `TTS.load` only reads the manifest; ONNX sessions are created by the first request that needs them.
 *
 * Voices are the packages' speakers. A voice is addressed by `package/speaker`, by the speaker id alone
 * when it is unique, or by the package id (its first speaker).
 */
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { type LoadOptions, TTS, TTSError } from "@/inference/index";

export type VoiceEntry = {
  id: string;
  name: string;
  packageId: string;
  speakerId: string;
  languages: string[];
};

export type LoadedPackage = { id: string; dir: string; tts: TTS };

type Registry = {
  modelDir: string;
  packages: LoadedPackage[];
  voices: VoiceEntry[];
  failures: { dir: string; message: string }[];
};

function envInt(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer (got ${raw})`);
  return n;
}

export function modelDirFromEnv(): string {
  // Models are read at run time from a configurable folder: not part of the build's file tracing.
  return resolve(/*turbopackIgnore: true*/ process.env.TTS_MODEL_DIR || join(/*turbopackIgnore: true*/ process.cwd(), "cache_hub"));
}

/** Package folders in `root` (or `root` itself when it is a package), `default` first. */
export function packageDirs(root: string): string[] {
  if (existsSync(join(root, "model.json"))) return [root];
  if (!existsSync(root)) return [];
  const names = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith(".") && existsSync(join(root, d.name, "model.json")))
    .map((d) => d.name)
    .sort((a, b) => (a === "default" ? -1 : b === "default" ? 1 : a.localeCompare(b)));
  return names.map((n) => join(root, n));
}

function engineOptions(): LoadOptions {
  return {
    maxConcurrent: envInt("TTS_MAX_CONCURRENT") ?? 2,
    maxQueue: envInt("TTS_MAX_QUEUE") ?? 16,
    maxChars: envInt("TTS_MAX_CHARS") ?? 5000,
  };
}

function buildVoices(packages: LoadedPackage[]): VoiceEntry[] {
  const all = packages.flatMap((p) =>
    p.tts.info().voices.map((v) => ({ packageId: p.id, speakerId: v.id, name: v.name, languages: v.languages })),
  );
  const count = new Map<string, number>();
  for (const v of all) count.set(v.speakerId, (count.get(v.speakerId) ?? 0) + 1);
  return all.map((v) => ({ ...v, id: count.get(v.speakerId) === 1 ? v.speakerId : `${v.packageId}/${v.speakerId}` }));
}

async function createRegistry(): Promise<Registry> {
  const modelDir = modelDirFromEnv();
  const opts = engineOptions();
  const packages: LoadedPackage[] = [];
  const failures: Registry["failures"] = [];
  for (const dir of packageDirs(modelDir)) {
    try {
      const tts = await TTS.load(dir, opts);
      packages.push({ id: tts.info().id, dir, tts });
    } catch (e) {
      // One broken package must not take the others down; /api/health reports it.
      failures.push({ dir, message: (e as Error).message });
      process.stderr.write(`[registry] skipping ${dir}: ${(e as Error).message}\n`);
    }
  }
  return { modelDir, packages, voices: buildVoices(packages), failures };
}

// Route bundles may each get their own copy of this module: the registry lives on globalThis so the
// whole server shares one set of engines.
const KEY = Symbol.for("index-tts-web.engineRegistry");
type Holder = { [KEY]?: Promise<Registry> };

export function getRegistry(): Promise<Registry> {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    holder[KEY] = createRegistry().catch((e) => {
      delete holder[KEY];
      throw e;
    });
  }
  return holder[KEY]!;
}

export type ResolvedVoice = { pkg: LoadedPackage; voice: VoiceEntry };

/** Finds the engine and speaker for a voice name (undefined → the default package's first speaker). */
export async function resolveVoice(name: string | undefined): Promise<ResolvedVoice> {
  const reg = await getRegistry();
  if (reg.packages.length === 0) {
    throw new TTSError("model_unavailable", `no usable model package in ${reg.modelDir}`, { retryAfterSeconds: 30 });
  }
  const voice = name === undefined
    ? reg.voices[0]
    : reg.voices.find((v) => v.id === name)
      ?? reg.voices.find((v) => `${v.packageId}/${v.speakerId}` === name)
      ?? reg.voices.find((v) => v.packageId === name);
  if (!voice) {
    throw new TTSError("unknown_voice", `unknown voice ${JSON.stringify(name)}; available: ${reg.voices.map((v) => v.id).join(", ")}`);
  }
  const pkg = reg.packages.find((p) => p.id === voice.packageId)!;
  return { pkg, voice };
}
