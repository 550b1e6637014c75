import { afterEach, describe, expect, it } from "vitest";
import type { TTS } from "../../inference/index";
import { LONG_TEXT, loadFixture, ttsError } from "./helpers";

let tts: TTS | undefined;
afterEach(async () => {
  await tts?.dispose();
  tts = undefined;
});

describe("bad input", () => {
  it("every bad input is a typed 4xx error, and none of them loads a model", async () => {
    tts = await loadFixture();
    const t = tts;
    const cases: Array<[string, () => Promise<unknown>, string, number]> = [
      ["empty", () => t.synthesize(""), "invalid_text", 400],
      ["blank", () => t.synthesize("  \n\t "), "invalid_text", 400],
      ["only punctuation", () => t.synthesize("... ?! ,;"), "invalid_text", 400],
      ["not a string", () => t.synthesize(42 as unknown as string), "invalid_text", 400],
      ["100k characters", () => t.synthesize("a".repeat(100_000)), "text_too_long", 413],
      ["unsupported characters", () => t.synthesize("Hello 😀 мир"), "unsupported_characters", 422],
      ["Chinese on an English voice", () => t.synthesize("今天天气真好"), "unsupported_characters", 422],
      ["unknown voice", () => t.synthesize("Hi.", { voice: "nobody" }), "unknown_voice", 404],
      ["unknown emotion", () => t.synthesize("Hi.", { emotion: "bored" }), "unknown_emotion", 400],
      ["vector too short", () => t.synthesize("Hi.", { emotionVector: [1, 0, 0] }), "invalid_emotion_vector", 400],
      ["vector too long", () => t.synthesize("Hi.", { emotionVector: new Array(9).fill(0) }), "invalid_emotion_vector", 400],
      ["vector value out of range", () => t.synthesize("Hi.", { emotionVector: [0, 0, 0, 0, 0, 0, 0, 1.2] }), "invalid_emotion_vector", 400],
      ["weight out of range", () => t.synthesize("Hi.", { emotion: "sad", emotionWeight: 1.51 }), "invalid_option", 400],
      ["speed too low", () => t.synthesize("Hi.", { speed: 0.1 }), "invalid_option", 400],
      ["speed not finite", () => t.synthesize("Hi.", { speed: Number.POSITIVE_INFINITY }), "invalid_option", 400],
      ["steps too many", () => t.synthesize("Hi.", { steps: 1000 }), "invalid_option", 400],
      ["steps not an integer", () => t.synthesize("Hi.", { steps: 2.5 }), "invalid_option", 400],
      ["negative seed", () => t.synthesize("Hi.", { seed: -1 }), "invalid_option", 400],
      ["temperature too high", () => t.synthesize("Hi.", { temperature: 9 }), "invalid_option", 400],
      ["stream with bad options", async () => { for await (const _ of t.stream("Hi.", { speed: 5 })) void _; }, "invalid_option", 400],
      ["batch size out of range", () => t.synthesizeBatch(["Hi."], { batchSize: 0 }), "invalid_option", 400],
    ];
    for (const [name, run, code, status] of cases) {
      const e = await ttsError(run());
      expect(e.code, name).toBe(code);
      expect(e.status, name).toBe(status);
      expect(e.message.length, name).toBeGreaterThan(5);
    }
    expect(t.info().loaded).toEqual({ encoder: false, decoder: false, vocoder: false, emotion: false });
    const unsupported = await ttsError(t.synthesize("Hello 😀 мир"));
    for (const c of ["😀", "м", "и", "р"]) expect(unsupported.message).toContain(JSON.stringify(c));
  });
});

describe("scheduler limits and cancellation", () => {
  it("rejects at once with queue_full and Retry-After when slots and queue are taken", async () => {
    tts = await loadFixture({ maxConcurrent: 1, maxQueue: 1 });
    const running = tts.synthesize(LONG_TEXT, { steps: 8 });
    const queued = tts.synthesize(LONG_TEXT, { steps: 8 });
    const t0 = performance.now();
    const e = await ttsError(tts.synthesize("One more."));
    expect(performance.now() - t0).toBeLessThan(100);
    expect(e).toMatchObject({ code: "queue_full", status: 429 });
    expect(e.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(tts.stats().queue).toMatchObject({ active: 1, waiting: 1, max: 1 });
    const [a, b] = await Promise.all([running, queued]);
    expect(a.audio.length).toBeGreaterThan(0);
    expect(b.timings.queueMs).toBeGreaterThan(0);
  });

  it("cancelling a running request stops it and frees its slot; cancelling a queued one frees its place", async () => {
    tts = await loadFixture({ maxConcurrent: 1, maxQueue: 1 });
    const run = new AbortController();
    const wait = new AbortController();
    let inSecondPass!: () => void;
    const midway = new Promise<void>((r) => { inSecondPass = r; });
    const running = ttsError(tts.synthesize(LONG_TEXT, {
      steps: 32, signal: run.signal,
      // the second model pass has started: cancel mid-synthesis
      onProgress: (e) => { if (e.stage === "spectrogram" && e.segment! > 0) inSecondPass(); },
    }));
    const waiting = ttsError(tts.synthesize("Queued.", { signal: wait.signal }));
    await midway; // cancel in the middle of the synthesis, not while loading
    wait.abort();
    expect((await waiting).code).toBe("cancelled");
    const t0 = performance.now();
    run.abort();
    expect((await running).code).toBe("cancelled");
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(tts.stats().queue).toMatchObject({ active: 0, waiting: 0 });
    const after = await tts.synthesize("Still works.", { steps: 2 });
    expect(after.audio.length).toBeGreaterThan(0);
  });

  it("a stream abandoned by its consumer releases its slot", async () => {
    tts = await loadFixture({ maxConcurrent: 1, maxQueue: 0 });
    for await (const chunk of tts.stream("First part. Second part. Third part.", { steps: 2 })) {
      expect(chunk.index).toBe(0);
      break;
    }
    expect(tts.stats().queue.active).toBe(0);
    expect((await tts.synthesize("Free again.", { steps: 2 })).audio.length).toBeGreaterThan(0);
  });
});
