// Slack start-up notice: a Block Kit message posted to an incoming webhook once the service answers
// its health check (healthy or not: an operator wants to hear about both). Posting never throws: a failing webhook must not affect the service.

export interface StartupInfo {
  host: string; // machine name
  url: string; // where people reach the service
  version: string; // index-tts-web version
  models: string[]; // usable model packages ("id version")
  health: string; // "ok", or what /api/health said instead
  startupMs: number; // launcher start → first answer of /api/health
}

export interface SlackMessage {
  text: string; // fallback for notifications and clients without blocks
  blocks: Array<Record<string, unknown>>;
}

export function buildStartupMessage(info: StartupInfo): SlackMessage {
  const seconds = (info.startupMs / 1000).toFixed(1);
  const models = info.models.length > 0 ? info.models.join(", ") : "none usable";
  const field = (label: string, value: string) => ({ type: "mrkdwn", text: `*${label}*\n${value}` });
  return {
    text: `index-tts-web ${info.version} is up on ${info.host}: ${info.url} (health: ${info.health})`,
    blocks: [
      { type: "header", text: { type: "plain_text", text: "index-tts-web started", emoji: false } },
      {
        type: "section",
        fields: [
          field("Host", info.host),
          field("URL", `<${info.url}|${info.url}>`),
          field("Version", info.version),
          field("Start-up time", `${seconds} s`),
          field("Models", models),
          field("Health", info.health),
        ],
      },
      { type: "context", elements: [{ type: "mrkdwn", text: `Started ${new Date().toISOString()}` }] },
    ],
  };
}

export async function postSlackNotice(
  webhookUrl: string,
  message: SlackMessage,
  opts: { timeoutMs?: number } = {},
): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    const res = await fetch(webhookUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
    const body = (await res.text()).slice(0, 200);
    return res.ok ? { ok: true } : { ok: false, error: `HTTP ${res.status}${body ? `: ${body}` : ""}` };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    return { ok: false, error: e.name === "TimeoutError" ? "no answer in time" : (e.cause?.code ?? e.message) };
  }
}

export interface HealthAnswer {
  status: number; // HTTP status of GET /api/health
  body: Record<string, unknown>; // its JSON ({} if not JSON)
}

/** Polls `healthUrl` until the service answers at all (any HTTP status); undefined on timeout. */
export async function waitForHealth(
  healthUrl: string,
  opts: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<HealthAnswer | undefined> {
  const deadline = Date.now() + (opts.timeoutMs ?? 180_000);
  while (Date.now() < deadline) {
    try {
      const res = await fetch(healthUrl, { signal: AbortSignal.timeout(5_000) });
      const body: unknown = await res.json().catch(() => ({}));
      return { status: res.status, body: body && typeof body === "object" ? (body as Record<string, unknown>) : {} };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 250));
  }
  return undefined;
}

/** "id version" of each usable package in a GET /api/health answer (`packages: [{ id, version }]`). */
export function modelsFromHealth(health: Record<string, unknown>): string[] {
  const packages = Array.isArray(health.packages) ? (health.packages as unknown[]) : [];
  return packages.flatMap((p) => {
    if (!p || typeof p !== "object") return [];
    const { id, version } = p as { id?: unknown; version?: unknown };
    if (typeof id !== "string") return [];
    return [typeof version === "string" ? `${id} ${version}` : id];
  });
}
