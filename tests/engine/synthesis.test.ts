import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SynthesisResult, TTS } from "../../inference/index";
import { loadFixture } from "./helpers";

let tts: TTS;
beforeAll(async () => {
  tts = await loadFixture({ maxConcurrent: 5, maxQueue: 5 });
});
afterAll(() => tts.dispose());

const same = (a: Float32Array, b: Float32Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

describe("synthesis on a real ONNX package", () => {
  it("returns audio, timings, segments and steps", async () => {
    const r = await tts.synthesize("The birch canoe slid on the smooth planks. Glue the sheet to the dark blue background!");
    expect(r.sampleRate).toBe(22050);
    expect(r.audio.length).toBeGreaterThan(0);
    expect(r.segments).toEqual(["The birch canoe slid on the smooth planks.", "Glue the sheet to the dark blue background!"]);
    expect(r.steps).toBeGreaterThanOrEqual(10);
    expect(r.steps).toBeLessThanOrEqual(15);
    for (const k of ["frontendMs", "spectrogramMs", "vocoderMs", "totalMs", "queueMs", "loadMs"] as const) {
      expect(r.timings[k]).toBeGreaterThanOrEqual(0);
    }
    expect(r.timings.spectrogramMs).toBeGreaterThan(0);
    expect(Math.max(...r.audio.map(Math.abs))).toBeLessThanOrEqual(1);
    expect(r.audio.every(Number.isFinite)).toBe(true);
  });

  it("is deterministic per seed and differs across seeds", async () => {
    const text = "Seeds make the noise reproducible.";
    const a = await tts.synthesize(text, { seed: 1, steps: 4 });
    const b = await tts.synthesize(text, { seed: 1, steps: 4 });
    const c = await tts.synthesize(text, { seed: 2, steps: 4 });
    expect(same(a.audio, b.audio)).toBe(true);
    expect(a.audio.length).toBe(c.audio.length);
    expect(same(a.audio, c.audio)).toBe(false);
  });

  it("speed changes durations, steps are honoured", async () => {
    const text = "Speed changes how long each sound lasts.";
    const slow = await tts.synthesize(text, { speed: 0.5, steps: 2 });
    const fast = await tts.synthesize(text, { speed: 2, steps: 2 });
    expect(slow.audio.length).toBeGreaterThan(fast.audio.length);
    expect(slow.steps).toBe(2);
  });

  it("caches encoder outputs per segment, voice and emotion", async () => {
    const text = "Caching saves the encoder. It really does.";
    const before = tts.stats().cache;
    const first = await tts.synthesize(text, { emotion: "calm", steps: 2 });
    const second = await tts.synthesize(text, { emotion: "calm", steps: 2 });
    const other = await tts.synthesize(text, { emotion: "surprised", steps: 2 });
    expect(first.cacheHits).toBe(0);
    expect(second.cacheHits).toBe(2);
    expect(other.cacheHits).toBe(0);
    expect(same(first.audio, second.audio)).toBe(true);
    const after = tts.stats().cache;
    expect(after.hits - before.hits).toBe(2);
    expect(after.misses - before.misses).toBe(4);
  });

  it("emotion presets and vectors change the output; joyful equals happy", async () => {
    const text = "How are you today?";
    const neutral = await tts.synthesize(text, { steps: 2 });
    const happy = await tts.synthesize(text, { emotion: "happy", steps: 2 });
    const joyful = await tts.synthesize(text, { emotion: "joyful", steps: 2 });
    const vector = await tts.synthesize(text, { emotionVector: [1, 0, 0, 0, 0, 0, 0, 0], emotionWeight: 1, steps: 2 });
    expect(same(happy.audio, joyful.audio)).toBe(true);
    expect(same(happy.audio, vector.audio)).toBe(true);
    expect(same(happy.audio, neutral.audio)).toBe(false);
  });

  it("streams one chunk per segment, and the chunks add up to the unbatched synthesis", async () => {
    const text = "First sentence here. Second one follows! And a third?";
    const chunks = [];
    for await (const c of tts.stream(text, { seed: 3, steps: 3 })) chunks.push(c);
    expect(chunks.map((c) => [c.index, c.count])).toEqual([[0, 3], [1, 3], [2, 3]]);
    expect(chunks.map((c) => c.text)).toEqual(tts.splitText(text).map((s) => s.text));
    const [whole] = await tts.synthesizeBatch([text], { seed: 3, steps: 3, batchSize: 1 });
    const batched = await tts.synthesize(text, { seed: 3, steps: 3 }); // segments batched: same length
    expect(batched.audio.length).toBe(whole!.audio.length);
    const joined = new Float32Array(chunks.reduce((a, c) => a + c.audio.length, 0));
    let off = 0;
    for (const c of chunks) {
      joined.set(c.audio, off);
      off += c.audio.length;
    }
    expect(same(joined, whole!.audio)).toBe(true);
  });

  it("five concurrent requests complete, each identical to running alone", async () => {
    const texts = ["One small step.", "Two birds sing at dawn.", "Three ships sail east.", "Four walls stand tall.", "Five fish swim home."];
    const alone: SynthesisResult[] = [];
    for (const t of texts) alone.push(await tts.synthesize(t, { seed: 9, steps: 3 }));
    const together = await Promise.all(texts.map((t) => tts.synthesize(t, { seed: 9, steps: 3 })));
    together.forEach((r, i) => expect(same(r.audio, alone[i]!.audio)).toBe(true));
    expect(tts.stats().queue).toMatchObject({ active: 0, waiting: 0 });
  });

  it("batches texts through the models as one padded batch", async () => {
    const texts = ["Hi.", "This sentence is a good deal longer than the others around it.", "Okay then."];
    const batch = await tts.synthesizeBatch(texts, { seed: 5, steps: 3, batchSize: 3 });
    expect(batch[0]!.shapes).toEqual([expect.objectContaining({ batch: 3, steps: 3 })]);
    const alone = await Promise.all(texts.map((t) => tts.synthesize(t, { seed: 5, steps: 3 })));
    batch.forEach((r, i) => expect(r.audio.length).toBe(alone[i]!.audio.length));
    // The longest item has no padding, so it matches its unbatched rendering to float precision.
    const a = batch[1]!.audio;
    const b = alone[1]!.audio;
    let err = 0;
    let ref = 0;
    for (let i = 0; i < a.length; i++) {
      err += (a[i]! - b[i]!) ** 2;
      ref += b[i]! ** 2;
    }
    expect(Math.sqrt(err / ref)).toBeLessThan(1e-4);
  });

  it("splitText previews segments with token counts and steps", () => {
    const parts = tts.splitText("Short. A much longer sentence, with a pause, and more words after it.");
    expect(parts.map((p) => p.text)).toEqual(["Short.", "A much longer sentence, with a pause, and more words after it."]);
    expect(parts[1]!.tokens).toBeGreaterThan(parts[0]!.tokens);
    expect(parts[0]!.steps).toBe(10);
  });
});
