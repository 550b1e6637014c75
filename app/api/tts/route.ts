/**
 * POST /api/tts — native synthesis. JSON in; `audio/wav` (or raw 16-bit PCM) out with the run's
 * figures in X-* headers. `stream: true` sends audio as segments finish; `stream: "events"` sends the
 * page's NDJSON progress/audio protocol. See README "HTTP API".
 */
import { audioBody, CONTENT_TYPES, encodeAudio, streamingWavHeader } from "@/lib/server/audioFormats";
import { apiRoute, methodNotAllowed } from "@/lib/server/apiRoute";
import { readJson } from "@/lib/server/requestBody";
import { type EngineRequest, eventStream, segmentByteStream, streamSegments, synthesizeWhole } from "@/lib/server/synthesisService";
import { timingHeaders } from "@/lib/server/timingHeaders";
import { ttsRequestSchema } from "@/lib/apiSchemas";
import { encodePcm16 } from "@/inference/index";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = apiRoute("/api/tts", async (request) => {
  const body = await readJson(request, ttsRequestSchema);
  const req: EngineRequest = {
    text: body.text, voice: body.voice, emotion: body.emotion, emotionVector: body.emotion_vector,
    emotionWeight: body.emotion_weight, speed: body.speed, steps: body.steps, seed: body.seed, temperature: body.temperature,
  };

  if (body.stream === "events") {
    const stream = await eventStream(req, request.signal);
    return new Response(stream, { headers: { "Content-Type": "application/x-ndjson", "Cache-Control": "no-store", "X-Accel-Buffering": "no" } });
  }

  if (body.stream === true) {
    const s = await streamSegments(req, request.signal);
    const wav = body.format === "wav";
    const stream = segmentByteStream(s, (c) => encodePcm16(c.audio), { header: wav ? streamingWavHeader(s.sampleRate) : undefined });
    return new Response(stream, {
      headers: {
        "Content-Type": wav ? CONTENT_TYPES.wav : CONTENT_TYPES.pcm,
        "Cache-Control": "no-store",
        "X-Accel-Buffering": "no",
        "X-Streaming": "segments",
        "X-Sample-Rate": String(s.sampleRate),
        "X-Audio-Encoding": "s16le; channels=1",
        "X-Segments": String(s.first.count),
        "X-Voice": s.voice.voice.id,
      },
    });
  }

  const { result, voice } = await synthesizeWhole(req, request.signal);
  const bytes = encodeAudio(body.format, result.audio, result.sampleRate);
  return new Response(audioBody(bytes), {
    headers: {
      "Content-Type": CONTENT_TYPES[body.format],
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": "no-store",
      "X-Audio-Encoding": "s16le; channels=1",
      ...timingHeaders(result, voice.voice.id),
    },
  });
});

export const GET = methodNotAllowed("POST");
