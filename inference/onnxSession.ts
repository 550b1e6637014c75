/**
 * ONNX Runtime sessions: device/precision choice, the session options for each device, and a lazy,
 * single-flight session wrapper (the first `get()` creates the session; concurrent callers share it).
 *
 * Device rule: CUDA with FP16 weight files when a GPU is present AND onnxruntime-node has its CUDA
 * provider library (the launcher downloads it on GPU machines); otherwise CPU with FP32 files. An
 * explicit option wins over TTS_DEVICE / TTS_PRECISION / TTS_THREADS, which win over "auto". A CUDA
 * request that cannot be honoured falls back to the CPU with a log line.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import type { InferenceSession as OrtSession } from "onnxruntime-node";
import { TTSError } from "./errors";
import type { Precision } from "./modelPackage";

export type Device = "cpu" | "cuda";
export type RuntimeRequest = { device?: "auto" | Device; precision?: "auto" | Precision; threads?: number };
export type RuntimeChoice = { device: Device; precision: Precision; threads: number; notes: string[] };
export type CudaProbe = { available: boolean; reason: string };
export type Log = (message: string) => void;

/** Is there an NVIDIA GPU and a CUDA-enabled onnxruntime-node install? (No GPU on dev machines.) */
export function probeCuda(): CudaProbe {
  const gpu = existsSync("/proc/driver/nvidia/version") || existsSync("/dev/nvidia0");
  if (!gpu) return { available: false, reason: "no NVIDIA GPU found" };
  const ortDir = dirname(createRequire(import.meta.url).resolve("onnxruntime-node/package.json"));
  const lib = join(ortDir, "bin", "napi-v6", process.platform, process.arch, "libonnxruntime_providers_cuda.so");
  if (!existsSync(lib)) return { available: false, reason: "onnxruntime-node has no CUDA provider library" };
  return { available: true, reason: "NVIDIA GPU and CUDA provider present" };
}

function fromEnv<T extends string>(value: string | undefined, allowed: readonly T[], name: string): T | undefined {
  if (value === undefined || value === "" || value === "auto") return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new TTSError("invalid_option", `${name} must be one of ${allowed.join(", ")}, auto (got ${JSON.stringify(value)})`);
  }
  return value as T;
}

/** Resolves device, precision and thread count from options, environment and hardware. */
export type Env = Readonly<Record<string, string | undefined>>;

export function chooseRuntime(req: RuntimeRequest, env: Env, cuda: CudaProbe): RuntimeChoice {
  const notes: string[] = [];
  const wantDevice = req.device && req.device !== "auto" ? req.device : fromEnv(env.TTS_DEVICE, ["cpu", "cuda"], "TTS_DEVICE");
  const wantPrecision = req.precision && req.precision !== "auto"
    ? req.precision
    : fromEnv(env.TTS_PRECISION, ["fp32", "fp16"], "TTS_PRECISION");
  let device: Device = wantDevice ?? (cuda.available ? "cuda" : "cpu");
  if (device === "cuda" && !cuda.available) {
    notes.push(`CUDA requested but unavailable (${cuda.reason}); falling back to CPU with FP32`);
    device = "cpu";
  }
  const precision: Precision = wantPrecision ?? (device === "cuda" ? "fp16" : "fp32");
  const envThreads = env.TTS_THREADS ? Number(env.TTS_THREADS) : undefined;
  const threads = req.threads ?? envThreads ?? availableParallelism();
  if (!Number.isInteger(threads) || threads < 1 || threads > 256) {
    throw new TTSError("invalid_option", `threads must be an integer in 1..256 (got ${String(threads)})`);
  }
  if (device === "cpu" && wantDevice === undefined) notes.push(`using CPU with ${precision.toUpperCase()} (${cuda.reason})`);
  return { device, precision, threads, notes };
}

/** ORT session options for a device. Pure, so the CUDA branch is testable without a GPU. */
export function buildSessionOptions(choice: Pick<RuntimeChoice, "device" | "threads">): OrtSession.SessionOptions {
  const common: OrtSession.SessionOptions = {
    graphOptimizationLevel: "all",
    executionMode: "sequential",
    interOpNumThreads: 1,
    intraOpNumThreads: choice.threads,
    enableCpuMemArena: true,
    enableMemPattern: true,
  };
  if (choice.device === "cuda") {
    return {
      ...common,
      // onnxruntime-node passes only deviceId to the CUDA provider; the arena is instead sized up front
      // by a warm-up at the largest segment shape (TTS.warmUp). Initializers go outside the arena so
      // it holds activations only and does not grow by the weights' size.
      executionProviders: [{ name: "cuda", deviceId: 0 }, "cpu"],
      extra: { session: { use_device_allocator_for_initializers: "1" } },
    };
  }
  return {
    ...common,
    executionProviders: ["cpu"],
    // Several requests share two cores: idle worker threads must sleep, not spin.
    extra: { session: { intra_op: { allow_spinning: "0" }, set_denormal_as_zero: "1" } },
  };
}

type Ort = typeof import("onnxruntime-node");

/** Loads onnxruntime-node on first use, so importing the engine loads no native code. */
export type OrtLoader = () => Promise<Ort>;
export const loadOrt: OrtLoader = () => import("onnxruntime-node");

export type LazySessionOptions = {
  label: string;
  path: string;
  options: OrtSession.SessionOptions;
  /** Checked before the file is handed to ORT (sha256 of the package). */
  verify: (path: string) => Promise<void>;
  /** Used when the primary options fail (a CUDA session falls back to the CPU). */
  fallback?: { path: string; options: OrtSession.SessionOptions };
  log: Log;
  ort?: OrtLoader;
};

export class LazySession {
  private pending: Promise<OrtSession> | null = null;
  private session: OrtSession | null = null;
  /** Number of sessions actually created (tests use it to observe single-flight loading). */
  creations = 0;
  loadMs = 0;
  /** True when the primary (CUDA) options failed and the CPU fallback is in use. */
  fellBack = false;

  constructor(private readonly opts: LazySessionOptions) {}

  get loaded(): boolean {
    return this.session !== null;
  }

  /** The session, created on first call; concurrent first calls share one creation. */
  get(): Promise<OrtSession> {
    if (this.session) return Promise.resolve(this.session);
    this.pending ??= this.create().then(
      (s) => {
        this.session = s;
        return s;
      },
      (e: unknown) => {
        this.pending = null; // a later request may retry (e.g. after the file was restored)
        throw e;
      },
    );
    return this.pending;
  }

  private async create(): Promise<OrtSession> {
    const t0 = performance.now();
    const ort = await (this.opts.ort ?? loadOrt)();
    await this.opts.verify(this.opts.path);
    this.creations++;
    try {
      const s = await ort.InferenceSession.create(this.opts.path, this.opts.options);
      this.loadMs = performance.now() - t0;
      return s;
    } catch (e) {
      const fb = this.opts.fallback;
      if (!fb) throw new TTSError("model_unavailable", `cannot load ${this.opts.label}: ${(e as Error).message}`, { cause: e });
      this.opts.log(`${this.opts.label}: ${(e as Error).message.split("\n")[0]}; falling back to the CPU`);
      await this.opts.verify(fb.path);
      const s = await ort.InferenceSession.create(fb.path, fb.options);
      this.fellBack = true;
      this.loadMs = performance.now() - t0;
      return s;
    }
  }

  async dispose(): Promise<void> {
    const s = this.session ?? (this.pending ? await this.pending.catch(() => null) : null);
    this.session = null;
    this.pending = null;
    await s?.release();
  }
}
