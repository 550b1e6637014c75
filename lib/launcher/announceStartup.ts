// Run by start_app.sh beside the server: waits for GET /api/health, prints the URL, and when
// SLACK_WEBHOOK_URL is set posts the start-up notice. Always exits 0: it must never stop the service.
import { readFile, readdir } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { buildStartupMessage, modelsFromHealth, postSlackNotice, waitForHealth } from "../slackNotice";

const log = (msg: string) => console.log(`[start_app ${new Date().toISOString().slice(11, 19)}] ${msg}`);

async function installedPackages(cacheDir: string): Promise<string[]> {
  const entries = await readdir(cacheDir, { withFileTypes: true }).catch(() => []);
  const ids: string[] = [];
  for (const e of entries) {
    if (e.isDirectory() && !e.name.startsWith(".") && (await readFile(join(cacheDir, e.name, "model.json")).catch(() => null))) ids.push(e.name);
  }
  return ids.sort();
}

async function main(): Promise<void> {
  const port = process.env.PORT ?? "7860";
  const host = process.env.HOST ?? "127.0.0.1";
  const bindsAll = ["0.0.0.0", "::", ""].includes(host);
  const localBase = `http://${bindsAll ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host}:${port}`;
  const url = process.env.PUBLIC_URL ?? (bindsAll ? `http://${hostname()}:${port}` : localBase);
  const launchedAt = Number(process.env.INDEX_TTS_LAUNCH_MS) || Date.now();

  const health = await waitForHealth(`${localBase}/api/health`, {
    timeoutMs: Number(process.env.HEALTH_TIMEOUT_SECONDS ?? 180) * 1000,
  });
  if (!health) {
    log(`WARNING: ${localBase}/api/health did not answer; no start-up notice sent`);
    return;
  }
  const startupMs = Date.now() - launchedAt;
  log(`ready: ${url} (start-up ${(startupMs / 1000).toFixed(1)} s)`);

  const webhook = process.env.SLACK_WEBHOOK_URL;
  if (!webhook) return;
  const pkg = JSON.parse(await readFile("package.json", "utf8")) as { version: string };
  const fromHealth = modelsFromHealth(health);
  const models = fromHealth.length > 0 ? fromHealth : await installedPackages(process.env.TTS_CACHE_DIR ?? "cache_hub");
  const result = await postSlackNotice(webhook, buildStartupMessage({ host: hostname(), url, version: pkg.version, models, startupMs }));
  // The webhook URL is a secret: log only whether it worked.
  log(result.ok ? "Slack start-up notice sent" : `Slack start-up notice failed (${result.error}); the service keeps running`);
}

main().catch((err: unknown) => log(`start-up notice skipped: ${err instanceof Error ? err.message : String(err)}`));
