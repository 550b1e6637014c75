/** Response audio encodings: WAV and raw PCM (16-bit mono) from the engine, MP3 through lamejs. */
import { Mp3Encoder } from "@breezystack/lamejs";
import { encodePcm16, encodeWav } from "@/inference/index";

export type AudioFormat = "wav" | "pcm" | "mp3";

export const CONTENT_TYPES: Record<AudioFormat, string> = {
  wav: "audio/wav",
  pcm: "audio/pcm",
  mp3: "audio/mpeg",
};

/** lamejs works on blocks of 1152 samples (one MPEG-1 Layer III frame). */
const MP3_BLOCK = 1152;
const MP3_KBPS = 96;

/** lamejs hands out Int8Arrays (its typings say Uint8Array): view the same bytes as unsigned. */
function bytes(a: ArrayBufferView): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** MP3 encoding in pieces: one encoder across a stream's segments, so frames continue seamlessly. */
export class Mp3StreamEncoder {
  private readonly encoder: Mp3Encoder;

  constructor(sampleRate: number) {
    this.encoder = new Mp3Encoder(1, sampleRate, MP3_KBPS);
  }

  encode(samples: Float32Array): Uint8Array {
    const pcm = encodePcm16(samples);
    const ints = new Int16Array(pcm.buffer, pcm.byteOffset, pcm.byteLength / 2);
    const parts: Uint8Array[] = [];
    for (let i = 0; i < ints.length; i += MP3_BLOCK) parts.push(bytes(this.encoder.encodeBuffer(ints.subarray(i, i + MP3_BLOCK))));
    return Buffer.concat(parts);
  }

  flush(): Uint8Array {
    return bytes(this.encoder.flush());
  }
}

/** A whole result as WAV or raw PCM (MP3 is streamed through Mp3StreamEncoder). */
export function encodeAudio(format: "wav" | "pcm", samples: Float32Array, sampleRate: number): Uint8Array {
  return format === "wav" ? encodeWav(samples, sampleRate) : encodePcm16(samples);
}

/**
 * Header of a WAV whose length is unknown when sending starts (streaming): RIFF and data sizes are
 * 0xFFFFFFFF, which browsers, ffmpeg and sox read as "until the end of the stream".
 */
export function streamingWavHeader(sampleRate: number): Uint8Array {
  const wav = encodeWav(new Float32Array(0), sampleRate);
  const v = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
  v.setUint32(4, 0xffffffff, true);
  v.setUint32(40, 0xffffffff, true);
  return wav;
}

/** A Response body for encoded bytes (they always live in a plain ArrayBuffer, never a shared one). */
export function audioBody(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes as Uint8Array<ArrayBuffer>;
}
