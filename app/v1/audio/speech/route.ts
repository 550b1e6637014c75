/**
 * POST /v1/audio/speech — OpenAI-compatible speech. `{ model, input, voice, response_format, speed,
 * instructions }` plus our `emotion` / `emotion_weight` extension. OpenAI voice names map onto our voices;
 * `instructions` are read for an emotion ("speak cheerfully" → happy). wav is sent whole (with its
 * length); pcm (16-bit mono at X-Sample-Rate) and mp3 stream as segments finish.
 */
import { encodePcm16, encodeWav } from "@/inference/index";
import { openAiSpeechSchema } from "@/lib/apiSchemas";
import { ApiError } from "@/lib/server/apiErrors";
import { apiRoute, methodNotAllowed } from "@/lib/server/apiRoute";
import { audioBody, CONTENT_TYPES, Mp3StreamEncoder } from "@/lib/server/audioFormats";
import { getRegistry } from "@/lib/server/engineRegistry";
import { emotionFromInstructions, mapOpenAiVoice, OPENAI_MODEL_IDS } from "@/lib/server/openAiMapping";
import { readJson } from "@/lib/server/requestBody";
import { type EngineRequest, segmentByteStream, streamSegments, synthesizeWhole } from "@/lib/server/synthesisService";
import { timingHeaders } from "@/lib/server/timingHeaders";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** OpenAI accepts speed 0.25–4; the engine speaks 0.5–2, so requests outside are clamped, not refused. */
const ENGINE_SPEED = { min: 0.5, max: 2 };

async function toEngineRequest(body: ReturnType<typeof openAiSpeechSchema.parse>): Promise<EngineRequest> {
  const reg = await getRegistry();
  const packageIds = reg.packages.map((p) => p.id);
  if (!(OPENAI_MODEL_IDS as readonly string[]).includes(body.model) && !packageIds.includes(body.model)) {
    throw new ApiError("invalid_request", 400, `unknown model ${JSON.stringify(body.model)}; available: ${[...OPENAI_MODEL_IDS, ...packageIds].join(", ")}`);
  }
  const requested = typeof body.voice === "string" ? body.voice : body.voice.id;
  const voice = mapOpenAiVoice(requested, reg.voices) ?? requested;
  const emotion = body.emotion ?? emotionFromInstructions(body.instructions);
  return {
    text: body.input,
    voice,
    ...(Array.isArray(emotion) ? { emotionVector: emotion } : { emotion }),
    emotionWeight: body.emotion_weight,
    speed: Math.min(ENGINE_SPEED.max, Math.max(ENGINE_SPEED.min, body.speed)),
  };
}

export const POST = apiRoute("/v1/audio/speech", async (request) => {
  const body = await readJson(request, openAiSpeechSchema);
  if (body.response_format === "opus" || body.response_format === "aac" || body.response_format === "flac") {
    throw new ApiError("unsupported_format", 400, `response_format ${body.response_format} is not supported; use mp3, wav or pcm`);
  }
  if (body.stream_format === "sse") {
    throw new ApiError("unsupported_format", 400, "stream_format sse is not supported; audio is streamed as raw bytes (stream_format audio)");
  }
  const req = await toEngineRequest(body);

  if (body.response_format === "wav") {
    const { result, voice } = await synthesizeWhole(req, request.signal);
    const bytes = encodeWav(result.audio, result.sampleRate);
    return new Response(audioBody(bytes), {
      headers: { "Content-Type": CONTENT_TYPES.wav, "Content-Length": String(bytes.byteLength), ...timingHeaders(result, voice.voice.id) },
    });
  }

  const s = await streamSegments(req, request.signal);
  const headers: Record<string, string> = {
    "Cache-Control": "no-store", "X-Accel-Buffering": "no", "X-Streaming": "segments",
    "X-Sample-Rate": String(s.sampleRate), "X-Voice": s.voice.voice.id,
  };
  if (body.response_format === "pcm") {
    const stream = segmentByteStream(s, (c) => encodePcm16(c.audio));
    return new Response(stream, { headers: { ...headers, "Content-Type": CONTENT_TYPES.pcm, "X-Audio-Encoding": "s16le; channels=1" } });
  }
  const encoder = new Mp3StreamEncoder(s.sampleRate);
  const stream = segmentByteStream(s, (c) => encoder.encode(c.audio), { trailer: () => encoder.flush() });
  return new Response(stream, { headers: { ...headers, "Content-Type": CONTENT_TYPES.mp3 } });
});

export const GET = methodNotAllowed("POST");
