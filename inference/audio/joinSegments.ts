/**
 * Joins segment audio with short silences. Each segment gets a short raised-cosine fade in and out so
 * no join starts or ends on a non-zero sample (no clicks).
 */
export type JoinOptions = { sampleRate: number; fadeMs?: number; pauseMs?: number; sentencePauseMs?: number };

/** Applies the edge fades in place. */
export function fadeEdges(audio: Float32Array, sampleRate: number, fadeMs = 8): Float32Array {
  const n = Math.min(Math.floor((sampleRate * fadeMs) / 1000), Math.floor(audio.length / 2));
  for (let i = 0; i < n; i++) {
    const g = 0.5 - 0.5 * Math.cos((Math.PI * i) / n);
    audio[i]! *= g;
    audio[audio.length - 1 - i]! *= g;
  }
  return audio;
}

/** Silence after a segment: longer after a sentence end than after a clause split. */
export function pauseAfter(segmentText: string, o: JoinOptions): number {
  const ms = /[.?!…。！？]["'”’)\]]*\s*$/u.test(segmentText) ? (o.sentencePauseMs ?? 220) : (o.pauseMs ?? 120);
  return Math.round((o.sampleRate * ms) / 1000);
}

/** segments[i] audio (already faded) + texts → one buffer with pauses between (none after the last). */
export function joinSegments(audios: Float32Array[], texts: string[], o: JoinOptions): Float32Array {
  const gaps = audios.map((_, i) => (i < audios.length - 1 ? pauseAfter(texts[i] ?? "", o) : 0));
  const total = audios.reduce((a, x, i) => a + x.length + gaps[i]!, 0);
  const out = new Float32Array(total);
  let off = 0;
  audios.forEach((a, i) => {
    out.set(a, off);
    off += a.length + gaps[i]!;
  });
  return out;
}
