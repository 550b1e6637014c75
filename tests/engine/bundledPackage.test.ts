import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TTS } from "../../inference/index";

// The voice shipped in cache_hub/default (trained by training/). Skipped only while it is not committed yet.
const dir = join(process.cwd(), "cache_hub", "default");
const present = existsSync(join(dir, "model.json"));

describe.skipIf(!present)("bundled package cache_hub/default", () => {
  it("loads, verifies its checksums and speaks an English sentence", async () => {
    const tts = await TTS.load(dir, { log: () => {}, cuda: { available: false, reason: "test" } });
    try {
      const r = await tts.synthesize("The birch canoe slid on the smooth planks.", { seed: 1 });
      const seconds = r.audio.length / r.sampleRate;
      expect(seconds).toBeGreaterThan(1);
      expect(seconds).toBeLessThan(6);
      const rms = Math.sqrt(r.audio.reduce((a, x) => a + x * x, 0) / r.audio.length);
      expect(rms).toBeGreaterThan(0.01); // not silence
      expect(r.audio.every(Number.isFinite)).toBe(true);
    } finally {
      await tts.dispose();
    }
  });

  it("speaks the Chinese seed sentence and mixed Chinese/English text whole, when it lists zh", async () => {
    const tts = await TTS.load(dir, { log: () => {}, cuda: { available: false, reason: "test" } });
    try {
      if (!tts.info().languages.includes("zh")) return;
      for (const [text, minSeconds] of [["今天天气真好,适合出门散步。", 2], ["我们明天用 Zoom 开会，时间是 3:30。", 2.5]] as const) {
        const r = await tts.synthesize(text, { seed: 1 });
        expect(r.segments.join(""), text).toBe(text);
        const seconds = r.audio.length / r.sampleRate;
        expect(seconds, text).toBeGreaterThan(minSeconds); // every syllable spoken (~0.2 s each), not cut short
        expect(seconds, text).toBeLessThan(8);
        const rms = Math.sqrt(r.audio.reduce((a, x) => a + x * x, 0) / r.audio.length);
        expect(rms, text).toBeGreaterThan(0.01);
      }
    } finally {
      await tts.dispose();
    }
  });
});
