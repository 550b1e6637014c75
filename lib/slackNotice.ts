// Slack start-up notice: a Block Kit message posted to an incoming webhook once the service answers
// its health check. Posting never throws: a failing webhook must not affect the service.

export interface StartupInfo {
  host: string; // machine name
  url: string; // where people reach the service
  version: string; // index-tts-web version
  models: string[]; // model packages available
  startupMs: number; // launcher start → first healthy answer
}

export interface SlackMessage {
  text: string; // fallback for notifications and clients without blocks
  blocks: Array<Record<string, unknown>>;
}

export function buildStartupMessage(info: StartupInfo): SlackMessage {
  const seconds = (info.startupMs / 1000).toFixed(1);
  const models = info.models.length > 0 ? info.models.join(", ") : "bundled default voice";
  const field = (label: string, value: string) => ({ type: "mrkdwn", text: `*${label}*\n${value}` });
  return {
    text: `index-tts-web ${info.version} is up on ${info.host}: ${info.url}`,
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

/** Polls `healthUrl` until it answers 2xx; returns its JSON body (or {} if not JSON), undefined on timeout. */
export async function waitForHealth(
  healthUrl: string,
  opts: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<Record<string, unknown> | undefined> {
  const deadline = Date.now() + (opts.timeoutMs ?? 180_000);
  while (Date.now() < deadline) {
    try {
      const res = await fetch(healthUrl, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) {
        const body: unknown = await res.json().catch(() => ({}));
        return body && typeof body === "object" ? (body as Record<string, unknown>) : {};
      }
      await res.body?.cancel();
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 250));
  }
  return undefined;
}

/** Model ids from a health answer: accepts `models` as ids or objects with an `id`, or a single `model`. */
export function modelsFromHealth(health: Record<string, unknown>): string[] {
  const idOf = (m: unknown): string | undefined =>
    typeof m === "string" ? m : m && typeof m === "object" && typeof (m as { id?: unknown }).id === "string" ? (m as { id: string }).id : undefined;
  const list = Array.isArray(health.models) ? health.models : health.model ? [health.model] : [];
  return list.map(idOf).filter((id): id is string => Boolean(id));
}
