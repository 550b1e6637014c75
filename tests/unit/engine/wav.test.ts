import { describe, expect, it } from "vitest";
import { decodeWav, encodePcm16, encodeWav } from "../../../inference/audio/wav";
import { fadeEdges, joinSegments } from "../../../inference/audio/joinSegments";

describe("encodeWav", () => {
  it("writes a 44-byte RIFF header and little-endian 16-bit samples", () => {
    const bytes = encodeWav(Float32Array.from([0, 1, -1, 0.5, 2, Number.NaN]), 22050);
    const v = new DataView(bytes.buffer);
    const tag = (o: number): string => String.fromCharCode(...bytes.subarray(o, o + 4));
    expect([tag(0), tag(8), tag(12), tag(36)]).toEqual(["RIFF", "WAVE", "fmt ", "data"]);
    expect(v.getUint32(4, true)).toBe(36 + 12);
    expect(v.getUint16(20, true)).toBe(1); // PCM
    expect(v.getUint16(22, true)).toBe(1); // mono
    expect(v.getUint32(24, true)).toBe(22050);
    expect(v.getUint32(28, true)).toBe(44100);
    expect(v.getUint16(34, true)).toBe(16);
    expect(v.getUint32(40, true)).toBe(12);
    expect([0, 1, 2, 3, 4, 5].map((i) => v.getInt16(44 + 2 * i, true))).toEqual([0, 32767, -32768, 16384, 32767, 0]);
  });

  it("round-trips through decodeWav within one quantisation step", () => {
    const x = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i / 10) * 0.8);
    const { samples, sampleRate } = decodeWav(encodeWav(x, 16000));
    expect(sampleRate).toBe(16000);
    expect(samples.length).toBe(1000);
    for (let i = 0; i < x.length; i++) expect(Math.abs(samples[i]! - x[i]!)).toBeLessThan(1 / 32767);
  });

  it("raw PCM is the WAV body", () => {
    const x = Float32Array.from([0.1, -0.2, 0.3]);
    expect(encodeWav(x, 8000).subarray(44)).toEqual(encodePcm16(x));
  });
});

describe("joining segments", () => {
  it("fades edges to zero and inserts longer pauses after sentences than after clauses", () => {
    const sr = 1000;
    const a = fadeEdges(new Float32Array(100).fill(1), sr, 10);
    expect(a[0]).toBe(0);
    expect(a[99]).toBeLessThan(0.05);
    expect(a[50]).toBe(1);
    const joined = joinSegments([a, a, a], ["One.", "two,", "three"], { sampleRate: sr, pauseMs: 50, sentencePauseMs: 200 });
    expect(joined.length).toBe(300 + 200 + 50);
    expect(joined.subarray(100, 300).every((x) => x === 0)).toBe(true);
    // No jump larger than the fade's steepest step anywhere: no clicks at the joins.
    let maxJump = 0;
    for (let i = 1; i < joined.length; i++) maxJump = Math.max(maxJump, Math.abs(joined[i]! - joined[i - 1]!));
    expect(maxJump).toBeLessThan(0.2);
  });
});
