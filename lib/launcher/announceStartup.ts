// Run by start_app.sh beside the server: waits for GET /api/health, prints the URL, and when
// SLACK_WEBHOOK_URL is set posts the start-up notice. Always exits 0: it must never stop the service.
import { readFile } from "node:fs/promises";
import { hostname } from "node:os";
import { buildStartupMessage, modelsFromHealth, postSlackNotice, waitForHealth } from "../slackNotice";

const log = (msg: string) => console.log(`[start_app ${new Date().toISOString().slice(11, 19)}] ${msg}`);

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
  const healthy = health.status >= 200 && health.status < 300;
  const healthText = healthy ? "ok" : `HTTP ${health.status}${typeof health.body.status === "string" ? ` ${health.body.status}` : ""}`;
  log(
    healthy
      ? `ready: ${url} (start-up ${(startupMs / 1000).toFixed(1)} s)`
      : `up at ${url} (start-up ${(startupMs / 1000).toFixed(1)} s) but /api/health says ${healthText}`,
  );

  const webhook = process.env.SLACK_WEBHOOK_URL;
  if (!webhook) return;
  const pkg = JSON.parse(await readFile("package.json", "utf8")) as { version: string };
  const message = buildStartupMessage({
    host: hostname(),
    url,
    version: pkg.version,
    models: modelsFromHealth(health.body),
    health: healthText,
    startupMs,
  });
  const result = await postSlackNotice(webhook, message);
  // The webhook URL is a secret: log only whether it worked.
  log(result.ok ? "Slack start-up notice sent" : `Slack start-up notice failed (${result.error}); the service keeps running`);
}

main().catch((err: unknown) => log(`start-up notice skipped: ${err instanceof Error ? err.message : String(err)}`));
