import { describe, expect, it } from "vitest";
import { buildSessionOptions, chooseRuntime } from "../../../inference/onnxSession";

const noGpu = { available: false, reason: "no NVIDIA GPU found" };
const gpu = { available: true, reason: "NVIDIA GPU and CUDA provider present" };

describe("device and precision choice", () => {
  it("auto picks CUDA + FP16 with a GPU, CPU + FP32 without", () => {
    expect(chooseRuntime({}, {}, gpu)).toMatchObject({ device: "cuda", precision: "fp16" });
    const cpu = chooseRuntime({}, {}, noGpu);
    expect(cpu).toMatchObject({ device: "cpu", precision: "fp32" });
    expect(cpu.notes.join(" ")).toContain("no NVIDIA GPU found");
  });

  it("falls back from a CUDA request to the CPU with a note", () => {
    const r = chooseRuntime({ device: "cuda" }, {}, noGpu);
    expect(r).toMatchObject({ device: "cpu", precision: "fp32" });
    expect(r.notes.join(" ")).toMatch(/CUDA requested but unavailable.*falling back to CPU/);
  });

  it("honours TTS_DEVICE / TTS_PRECISION / TTS_THREADS, and explicit options over them", () => {
    expect(chooseRuntime({}, { TTS_DEVICE: "cpu", TTS_PRECISION: "fp16", TTS_THREADS: "3" }, gpu))
      .toMatchObject({ device: "cpu", precision: "fp16", threads: 3 });
    expect(chooseRuntime({ device: "cuda", precision: "fp32", threads: 1 }, { TTS_DEVICE: "cpu", TTS_THREADS: "3" }, gpu))
      .toMatchObject({ device: "cuda", precision: "fp32", threads: 1 });
    expect(() => chooseRuntime({}, { TTS_DEVICE: "tpu" }, gpu)).toThrow(/TTS_DEVICE/);
    expect(() => chooseRuntime({}, { TTS_THREADS: "zero" }, gpu)).toThrow(/threads/);
  });
});

describe("session options", () => {
  it("CUDA: CUDA provider on device 0 with CPU fallback, arena + memory pattern, initializers outside the arena", () => {
    const o = buildSessionOptions({ device: "cuda", threads: 4 });
    expect(o.executionProviders).toEqual([{ name: "cuda", deviceId: 0 }, "cpu"]);
    expect(o).toMatchObject({
      enableCpuMemArena: true, enableMemPattern: true, graphOptimizationLevel: "all", executionMode: "sequential",
      intraOpNumThreads: 4, interOpNumThreads: 1,
      extra: { session: { use_device_allocator_for_initializers: "1" } },
    });
  });

  it("CPU: CPU provider, configured threads, no spinning", () => {
    const o = buildSessionOptions({ device: "cpu", threads: 2 });
    expect(o.executionProviders).toEqual(["cpu"]);
    expect(o).toMatchObject({ intraOpNumThreads: 2, interOpNumThreads: 1, extra: { session: { intra_op: { allow_spinning: "0" } } } });
  });
});
