/** POST /v1/audio/speech through the official OpenAI SDK (the request shape real clients send), and raw. */
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { decodeWav } from "@/inference/index";
import { baseUrl, expectError, getJson, mp3Frames, postJson, wavOf } from "./helpers";

const client = (): OpenAI => new OpenAI({ baseURL: `${baseUrl()}/v1`, apiKey: "not-needed", maxRetries: 0 });
const INPUT = "Hello from an OpenAI client, which works against this server without any change at all. It is nice.";

describe("/v1/audio/speech with the OpenAI SDK", () => {
  it("wav: a whole WAV with the voice mapped from an OpenAI name", async () => {
    const res = await client().audio.speech.create({ model: "tts-1", voice: "alloy", input: INPUT, response_format: "wav" });
    const { samples, sampleRate } = decodeWav(new Uint8Array(await res.arrayBuffer()));
    expect(sampleRate).toBe(22050);
    expect(samples.length).toBeGreaterThan(0);
    const voices = await getJson("/api/voices");
    expect(res.headers.get("x-voice")).toBe(voices.openai.alloy);
  });

  it("mp3 (the default format): valid MPEG Layer III frames as long as the WAV", async () => {
    const wav = await client().audio.speech.create({ model: "gpt-4o-mini-tts", voice: "nova", input: INPUT, response_format: "wav" });
    const { samples } = decodeWav(new Uint8Array(await wav.arrayBuffer()));
    const res = await client().audio.speech.create({ model: "gpt-4o-mini-tts", voice: "nova", input: INPUT });
    expect(res.headers.get("content-type")).toBe("audio/mpeg");
    const mp3 = mp3Frames(new Uint8Array(await res.arrayBuffer()));
    expect(mp3.sampleRate).toBe(22050);
    // The encoder adds up to ~2 frames of delay and pads the last frame.
    expect(mp3.samples / mp3.sampleRate).toBeGreaterThanOrEqual(samples.length / 22050);
    expect(mp3.samples / mp3.sampleRate - samples.length / 22050).toBeLessThan(0.15);
  });

  it("pcm: 16-bit samples as long as the WAV's (streamed by segment)", async () => {
    const body = { model: "tts-1-hd", voice: "echo", input: INPUT, response_format: "pcm" as const };
    const pcm = new Uint8Array(await (await client().audio.speech.create(body)).arrayBuffer());
    const wav = new Uint8Array(await (await client().audio.speech.create({ ...body, response_format: "wav" })).arrayBuffer());
    expect(pcm.length).toBeGreaterThan(2000);
    expect(pcm.length).toBe(wav.length - 44);
  });

  it("instructions pick the emotion: 'cheerfully' sounds exactly like emotion happy, not like neutral", async () => {
    const get = async (extra: Record<string, unknown>): Promise<Buffer> => {
      const r = await postJson("/v1/audio/speech", { model: "tts-1", voice: "alloy", input: INPUT, response_format: "wav", ...extra });
      return Buffer.from((await wavOf(r)).bytes);
    };
    const cheerful = await get({ instructions: "Speak cheerfully and warmly." });
    const happy = await get({ emotion: "happy" });
    const neutral = await get({});
    expect(cheerful.equals(happy)).toBe(true);
    expect(cheerful.equals(neutral)).toBe(false);
    const chinese = await get({ instructions: "请用开心的语气朗读" });
    expect(chinese.equals(happy)).toBe(true);
  });

  it("speed outside the engine's range is clamped (OpenAI allows 0.25–4)", async () => {
    const res = await client().audio.speech.create({ model: "tts-1", voice: "alloy", input: INPUT, response_format: "wav", speed: 4 });
    const fast = decodeWav(new Uint8Array(await res.arrayBuffer()));
    const two = await wavOf(await postJson("/v1/audio/speech", { model: "tts-1", voice: "alloy", input: INPUT, response_format: "wav", speed: 2 }));
    expect(fast.samples.length).toBe(two.samples.length);
  });

  it("errors come back as OpenAI SDK errors with our code and status", async () => {
    const err = await client().audio.speech.create({ model: "tts-1", voice: "alloy", input: "" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.APIError);
    expect((err as InstanceType<typeof OpenAI.APIError>).status).toBe(400);
    expect((err as InstanceType<typeof OpenAI.APIError>).code).toBe("invalid_text");
  });
});

describe("/v1/audio/speech errors (raw)", () => {
  const cases: [string, unknown, number, string][] = [
    ["unknown model", { model: "whisper-1", input: "hi", voice: "alloy" }, 400, "invalid_request"],
    ["missing input", { model: "tts-1", voice: "alloy" }, 400, "invalid_request"],
    ["missing voice", { model: "tts-1", input: "hi" }, 400, "invalid_request"],
    ["unknown voice", { model: "tts-1", input: "hi", voice: "darth" }, 400, "unknown_voice"],
    ["opus", { model: "tts-1", input: "hi", voice: "alloy", response_format: "opus" }, 400, "unsupported_format"],
    ["flac", { model: "tts-1", input: "hi", voice: "alloy", response_format: "flac" }, 400, "unsupported_format"],
    ["bogus format", { model: "tts-1", input: "hi", voice: "alloy", response_format: "ogg" }, 400, "invalid_request"],
    ["sse", { model: "tts-1", input: "hi", voice: "alloy", stream_format: "sse" }, 400, "unsupported_format"],
    ["speed 5", { model: "tts-1", input: "hi", voice: "alloy", speed: 5 }, 400, "invalid_request"],
    ["unknown emotion", { model: "tts-1", input: "hi", voice: "alloy", emotion: "bored" }, 400, "unknown_emotion"],
    ["input too long", { model: "tts-1", input: "word ".repeat(1100), voice: "alloy" }, 413, "text_too_long"],
  ];
  for (const [name, body, status, code] of cases) {
    it(`${name} → ${status} ${code}`, async () => {
      expect((await expectError(await postJson("/v1/audio/speech", body), status)).code).toBe(code);
    });
  }
});
