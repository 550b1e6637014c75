/** GET /v1/audio/voices — voices usable in /v1/audio/speech: ours, and OpenAI's names with the voice each maps to. */
import { apiRoute } from "@/lib/server/apiRoute";
import { getRegistry } from "@/lib/server/engineRegistry";
import { mapOpenAiVoice, OPENAI_VOICES } from "@/lib/server/openAiMapping";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute("/v1/audio/voices", async () => {
  const reg = await getRegistry();
  const ours = reg.voices.map((v) => ({ id: v.id, object: "voice", name: v.name, languages: v.languages, maps_to: v.id }));
  const openai = reg.voices.length
    ? OPENAI_VOICES.map((o) => ({ id: o, object: "voice", name: o, languages: [], maps_to: mapOpenAiVoice(o, reg.voices)! }))
    : [];
  return Response.json({ object: "list", data: [...ours, ...openai] });
});
