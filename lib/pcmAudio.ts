/** Browser-side audio helpers: base64 16-bit PCM → WAV blob, and gapless playback of streamed segments. */
import { wavHeader } from "@/inference/audio/wav";

export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** One mono 16-bit WAV from PCM chunks in order. */
export function wavBlob(chunks: Uint8Array<ArrayBuffer>[], sampleRate: number): Blob {
  const dataBytes = chunks.reduce((n, c) => n + c.byteLength, 0);
  return new Blob([wavHeader(dataBytes, sampleRate) as Uint8Array<ArrayBuffer>, ...chunks], { type: "audio/wav" });
}

/** Plays 16-bit PCM segments back to back as they arrive (Web Audio), starting with the first. */
export class PcmStreamPlayer {
  private ctx: AudioContext | null = null;
  private nextStart = 0;
  private sources: AudioBufferSourceNode[] = [];

  /** Must be called from a user gesture (the Generate click) so the browser allows sound. */
  prepare(): void {
    if (this.ctx) return;
    try {
      this.ctx = new AudioContext();
      void this.ctx.resume();
    } catch {
      this.ctx = null; // no Web Audio: the result still plays from the audio element
    }
  }

  push(pcm: Uint8Array<ArrayBuffer>, sampleRate: number): void {
    const ctx = this.ctx;
    if (!ctx || pcm.byteLength < 2) return;
    const ints = new Int16Array(pcm.buffer, pcm.byteOffset, pcm.byteLength >> 1);
    const buffer = ctx.createBuffer(1, ints.length, sampleRate);
    const ch = buffer.getChannelData(0);
    for (let i = 0; i < ints.length; i++) ch[i] = ints[i]! / 32768;
    const src = ctx.createBufferSource();
    src.buffer = buffer;
    src.connect(ctx.destination);
    this.nextStart = Math.max(this.nextStart, ctx.currentTime + 0.05);
    src.start(this.nextStart);
    this.nextStart += buffer.duration;
    this.sources.push(src);
  }

  stop(): void {
    for (const s of this.sources) {
      try { s.stop(); } catch { /* not started */ }
    }
    this.sources = [];
    void this.ctx?.close().catch(() => {});
    this.ctx = null;
    this.nextStart = 0;
  }
}
