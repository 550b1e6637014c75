/** GET /v1/models — OpenAI's model list: our engine id, the OpenAI TTS model names it answers to, and each package. */
import { apiRoute } from "@/lib/server/apiRoute";
import { getRegistry } from "@/lib/server/engineRegistry";
import { OPENAI_MODEL_IDS } from "@/lib/server/openAiMapping";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute("/v1/models", async () => {
  const reg = await getRegistry();
  const created = Math.floor(Date.now() / 1000 - process.uptime());
  const ids = [...OPENAI_MODEL_IDS, ...reg.packages.map((p) => p.id)];
  return Response.json({ object: "list", data: ids.map((id) => ({ id, object: "model", created, owned_by: "index-tts-web" })) });
});
