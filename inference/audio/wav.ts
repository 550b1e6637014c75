/** Float PCM in [-1, 1] → 16-bit little-endian PCM, and a RIFF/WAVE (PCM, mono) container around it. */

/** Raw 16-bit little-endian PCM (clipped, rounded). */
export function encodePcm16(samples: Float32Array): Uint8Array {
  const out = new Uint8Array(samples.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i] || 0)); // NaN → 0
    view.setInt16(i * 2, Math.round(s < 0 ? s * 0x8000 : s * 0x7fff), true);
  }
  return out;
}

/** A 44-byte WAV header for `dataBytes` of mono 16-bit PCM. */
export function wavHeader(dataBytes: number, sampleRate: number): Uint8Array {
  const h = new Uint8Array(44);
  const v = new DataView(h.buffer);
  const ascii = (off: number, s: string): void => [...s].forEach((c, i) => v.setUint8(off + i, c.charCodeAt(0)));
  ascii(0, "RIFF");
  v.setUint32(4, 36 + dataBytes, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  v.setUint32(16, 16, true); // fmt chunk size
  v.setUint16(20, 1, true); // PCM
  v.setUint16(22, 1, true); // mono
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * 2, true); // byte rate
  v.setUint16(32, 2, true); // block align
  v.setUint16(34, 16, true); // bits per sample
  ascii(36, "data");
  v.setUint32(40, dataBytes, true);
  return h;
}

export function encodeWav(samples: Float32Array, sampleRate: number): Uint8Array {
  const pcm = encodePcm16(samples);
  const out = new Uint8Array(44 + pcm.length);
  out.set(wavHeader(pcm.length, sampleRate), 0);
  out.set(pcm, 44);
  return out;
}

/** Parses a mono 16-bit PCM WAV produced by encodeWav (used by tests and tools). */
export function decodeWav(bytes: Uint8Array): { samples: Float32Array; sampleRate: number } {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (off: number): string => String.fromCharCode(...bytes.subarray(off, off + 4));
  if (tag(0) !== "RIFF" || tag(8) !== "WAVE" || v.getUint16(20, true) !== 1 || v.getUint16(34, true) !== 16) {
    throw new Error("not a 16-bit PCM WAV");
  }
  const n = v.getUint32(40, true) / 2;
  const samples = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const s = v.getInt16(44 + i * 2, true);
    samples[i] = s < 0 ? s / 0x8000 : s / 0x7fff;
  }
  return { samples, sampleRate: v.getUint32(24, true) };
}
