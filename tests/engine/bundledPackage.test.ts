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
});
