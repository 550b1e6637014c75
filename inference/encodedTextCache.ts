/**
 * LRU cache of encoder outputs per segment, keyed by segment text + voice + emotion + model version,
 * bounded in entries and bytes. Repeated sentences (UI previews, retries, common phrases) skip the
 * encoder; the ODE and vocoder still run (their noise depends on the seed).
 */
import type { Float } from "./modelParts";

export type EncodedText = {
  /** [K*80,T], K prior anchors per token */ mu: Float;
  /** [T] */ logDurations: Float;
  /** [K,T] pitch anchors, when the package predicts pitch */ pitch?: Float;
  tokens: number;
};

export type CacheStats = { hits: number; misses: number; entries: number; bytes: number; maxEntries: number; maxBytes: number };

export function encodedTextKey(p: { text: string; voice: string; emotion: string; modelVersion: string }): string {
  return JSON.stringify([p.modelVersion, p.voice, p.emotion, p.text]);
}

function sizeOf(e: EncodedText): number {
  return e.mu.byteLength + e.logDurations.byteLength + (e.pitch?.byteLength ?? 0) + 64;
}

export class EncodedTextCache {
  // Map iteration order is insertion order: re-inserting on access makes the first key the LRU one.
  private readonly map = new Map<string, EncodedText>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;

  constructor(private readonly maxEntries: number, private readonly maxBytes: number) {}

  get(key: string): EncodedText | undefined {
    const e = this.map.get(key);
    if (!e) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.map.delete(key);
    this.map.set(key, e);
    return e;
  }

  set(key: string, value: EncodedText): void {
    const size = sizeOf(value);
    if (this.maxEntries <= 0 || size > this.maxBytes) return;
    const old = this.map.get(key);
    if (old) {
      this.bytes -= sizeOf(old);
      this.map.delete(key);
    }
    this.map.set(key, value);
    this.bytes += size;
    while (this.map.size > this.maxEntries || this.bytes > this.maxBytes) {
      const [lruKey, lru] = this.map.entries().next().value as [string, EncodedText];
      this.map.delete(lruKey);
      this.bytes -= sizeOf(lru);
    }
  }

  has(key: string): boolean {
    return this.map.has(key);
  }

  clear(): void {
    this.map.clear();
    this.bytes = 0;
  }

  stats(): CacheStats {
    return {
      hits: this.hits, misses: this.misses, entries: this.map.size, bytes: this.bytes,
      maxEntries: this.maxEntries, maxBytes: this.maxBytes,
    };
  }
}
