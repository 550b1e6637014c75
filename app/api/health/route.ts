/**
 * GET /api/health — 200 when at least one model package is usable (its models load on first use), with
 * what is loaded, device, precision, queue depth and cache figures; 503 (+Retry-After) when none is.
 */
import { apiRoute } from "@/lib/server/apiRoute";
import { getRegistry } from "@/lib/server/engineRegistry";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute("/api/health", async () => {
  const reg = await getRegistry();
  const packages = reg.packages.map((p) => {
    const info = p.tts.info();
    const stats = p.tts.stats();
    return {
      id: p.id, name: info.name, version: info.version, sampleRate: info.sampleRate, languages: info.languages,
      voices: info.voices.map((v) => v.id), device: info.device, precision: info.precision,
      loaded: stats.loaded, queue: stats.queue, cache: stats.cache, limits: info.limits,
    };
  });
  const ok = packages.length > 0;
  return Response.json({
    status: ok ? "ok" : "unavailable",
    uptimeSeconds: Math.round(process.uptime()),
    modelDir: reg.modelDir,
    packages,
    failures: reg.failures,
  }, { status: ok ? 200 : 503, headers: ok ? { "Cache-Control": "no-store" } : { "Cache-Control": "no-store", "Retry-After": "30" } });
});
