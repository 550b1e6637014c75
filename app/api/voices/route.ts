/** GET /api/voices — the voices of every loaded package, with emotions and limits for the page. */
import { apiRoute } from "@/lib/server/apiRoute";
import { getRegistry } from "@/lib/server/engineRegistry";
import { OPENAI_VOICES, mapOpenAiVoice } from "@/lib/server/openAiMapping";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute("/api/voices", async () => {
  const reg = await getRegistry();
  const first = reg.packages[0]?.tts.info();
  return Response.json({
    default: reg.voices[0]?.id ?? null,
    voices: reg.voices.map((v) => ({ id: v.id, name: v.name, package: v.packageId, speaker: v.speakerId, languages: v.languages })),
    emotions: first?.emotions ?? [],
    limits: first?.limits ?? null,
    openai: Object.fromEntries(OPENAI_VOICES.map((o) => [o, mapOpenAiVoice(o, reg.voices) ?? null])),
  }, { headers: { "Cache-Control": "no-store" } });
});
