/** GET /api/metrics — Prometheus text format (requests, latency, RTF, errors, queue, cache, loaded models). */
import { getRegistry } from "@/lib/server/engineRegistry";
import { renderMetrics } from "@/lib/server/metrics";
import { apiRoute } from "@/lib/server/apiRoute";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute("/api/metrics", async () => {
  const reg = await getRegistry();
  const text = renderMetrics(reg.packages.map((p) => ({ packageId: p.id, ...p.tts.stats() })));
  return new Response(text, { headers: { "Content-Type": "text/plain; version=0.0.4; charset=utf-8", "Cache-Control": "no-store" } });
});
