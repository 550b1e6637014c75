import { describe, expect, it } from "vitest";
import { EncodedTextCache, encodedTextKey } from "../../../inference/encodedTextCache";

const entry = (tokens: number) => ({ mu: new Float32Array(80 * tokens), logDurations: new Float32Array(tokens), tokens });
const key = (text: string, emotion = "neutral") => encodedTextKey({ text, voice: "v", emotion, modelVersion: "m@1" });

describe("EncodedTextCache", () => {
  it("counts hits and misses and evicts the least recently used entry", () => {
    const c = new EncodedTextCache(2, 1e9);
    c.set(key("a"), entry(1));
    c.set(key("b"), entry(1));
    expect(c.get(key("a"))).toBeDefined(); // a is now most recent
    c.set(key("c"), entry(1)); // evicts b
    expect(c.has(key("b"))).toBe(false);
    expect(c.has(key("a"))).toBe(true);
    expect(c.get(key("b"))).toBeUndefined();
    expect(c.stats()).toMatchObject({ hits: 1, misses: 1, entries: 2 });
  });

  it("is bounded in bytes and refuses entries larger than the bound", () => {
    const one = (80 + 1) * 4 + 64; // bytes of a 1-token entry
    const c = new EncodedTextCache(100, one * 3);
    for (const k of ["a", "b", "c", "d"]) c.set(key(k), entry(1));
    expect(c.stats().entries).toBe(3);
    expect(c.stats().bytes).toBeLessThanOrEqual(one * 3);
    c.set(key("big"), entry(10));
    expect(c.has(key("big"))).toBe(false);
    expect(c.stats().entries).toBe(3);
  });

  it("keys differ by text, voice, emotion and model version", () => {
    const base = { text: "t", voice: "v", emotion: "e", modelVersion: "m" };
    const keys = new Set([
      encodedTextKey(base), encodedTextKey({ ...base, text: "u" }), encodedTextKey({ ...base, voice: "w" }),
      encodedTextKey({ ...base, emotion: "f" }), encodedTextKey({ ...base, modelVersion: "n" }),
    ]);
    expect(keys.size).toBe(5);
  });

  it("replacing a key does not double-count bytes", () => {
    const c = new EncodedTextCache(10, 1e9);
    c.set(key("a"), entry(2));
    const bytes = c.stats().bytes;
    c.set(key("a"), entry(2));
    expect(c.stats()).toMatchObject({ entries: 1, bytes });
  });
});
