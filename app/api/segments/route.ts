/** POST /api/segments — how the engine will split a text (segment preview), without synthesizing. */
import { apiRoute, methodNotAllowed } from "@/lib/server/apiRoute";
import { resolveVoice } from "@/lib/server/engineRegistry";
import { readJson } from "@/lib/server/requestBody";
import { segmentsRequestSchema } from "@/lib/apiSchemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = apiRoute("/api/segments", async (request) => {
  const body = await readJson(request, segmentsRequestSchema);
  const { pkg } = await resolveVoice(body.voice);
  const segments = pkg.tts.splitText(body.text);
  return Response.json({ characters: [...body.text].length, maxChars: pkg.tts.info().limits.maxChars, segments });
});

export const GET = methodNotAllowed("POST");
