import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { TTS } from "../../inference/index";
import { copyFixture, loadFixture, ttsError } from "./helpers";

let tts: TTS | undefined;
afterEach(async () => {
  await tts?.dispose();
  tts = undefined;
});

describe("lazy, single-flight loading", () => {
  it("loads nothing at TTS.load, the three synthesis models on the first request, emotion only when asked", async () => {
    tts = await loadFixture();
    const none = { encoder: false, decoder: false, vocoder: false, emotion: false };
    expect(tts.info().loaded).toEqual(none);
    expect(tts.sessionCreations()).toEqual({ encoder: 0, decoder: 0, vocoder: 0, emotion: 0 });
    const stages: string[] = [];
    const r = await tts.synthesize("Hello there.", { onProgress: (e) => stages.push(e.stage) });
    expect(r.timings.loadMs).toBeGreaterThan(0);
    expect(stages[0]).toBe("frontend");
    expect(stages).toContain("loading");
    expect(stages[stages.length - 1]).toBe("done");
    expect(tts.info().loaded).toEqual({ encoder: true, decoder: true, vocoder: true, emotion: false });
    const again = await tts.synthesize("Hello there.");
    expect(again.timings.loadMs).toBe(0);
    await tts.synthesize("Hello there.", { emotion: "happy" });
    expect(tts.info().loaded.emotion).toBe(true);
  });

  it("ten simultaneous first requests create each session exactly once", async () => {
    tts = await loadFixture({ maxConcurrent: 10, maxQueue: 10 });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) =>
      tts!.synthesize(`Request number ${i}.`, { emotion: i % 2 ? "sad" : "angry" })));
    expect(results.every((r) => r.audio.length > 0)).toBe(true);
    expect(tts.sessionCreations()).toEqual({ encoder: 1, decoder: 1, vocoder: 1, emotion: 1 });
  });

  it("a corrupted model file fails the first request with model_unavailable (503), not at load", async () => {
    const dir = copyFixture();
    writeFileSync(join(dir, "vocoder.onnx"), "not the file the manifest describes");
    tts = await loadFixture({}, dir);
    const e = await ttsError(tts.synthesize("Hello."));
    expect(e.code).toBe("model_unavailable");
    expect(e.status).toBe(503);
    expect(e.message).toMatch(/checksum mismatch/);
  });

  it("a CUDA choice without a usable CUDA provider falls back to CPU FP32 with a log line", async () => {
    const logs: string[] = [];
    tts = await loadFixture({ cuda: { available: true, reason: "pretend GPU" }, log: (m) => logs.push(m) });
    expect(tts.runtime).toMatchObject({ device: "cuda", precision: "fp16" });
    const r = await tts.synthesize("Hello there.", { steps: 2 });
    expect(r.audio.length).toBeGreaterThan(0);
    expect(r).toMatchObject({ device: "cpu", precision: "fp32" });
    expect(tts.info()).toMatchObject({ device: "cpu", precision: "fp32" });
    expect(logs.join("\n")).toMatch(/decoder: .*falling back to the CPU/);
  });

  it("reports package info and limits", async () => {
    tts = await loadFixture();
    const info = tts.info();
    expect(info).toMatchObject({ id: expect.any(String), sampleRate: 22050, device: "cpu", precision: "fp32", languages: ["en"] });
    expect(info.voices[0]).toMatchObject({ id: "slt", languages: ["en"] });
    expect(info.emotions).toEqual(["happy", "angry", "sad", "afraid", "disgusted", "melancholic", "surprised", "calm", "neutral"]);
    expect(info.limits.maxChars).toBe(5000);
  });
});

describe("dispose", () => {
  it("lets a running request finish, then refuses new ones with model_unavailable", async () => {
    const engine = await loadFixture();
    const running = engine.synthesize("Finish me first. Then dispose.", { steps: 4 });
    const disposed = engine.dispose();
    expect((await running).audio.length).toBeGreaterThan(0);
    await disposed;
    const e = await ttsError(engine.synthesize("Too late."));
    expect(e.code).toBe("model_unavailable");
  });
});
