/** Load behaviour: a burst of 16, queue overflow (429 + Retry-After), and cancellation on disconnect. */
import { describe, expect, it } from "vitest";
import { baseUrl, expectError, getJson, LONG_TEXT, postJson, sleep, wavOf } from "./helpers";

type Queue = { active: number; waiting: number; max: number; maxQueue: number };
const queue = async (): Promise<Queue> => (await getJson("/api/health")).packages[0].queue as Queue;

async function waitIdle(timeoutMs: number): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    const q = await queue();
    if (q.active === 0 && q.waiting === 0) return Date.now() - t0;
    await sleep(100);
  }
  throw new Error(`queue still busy after ${timeoutMs} ms: ${JSON.stringify(await queue())}`);
}

describe("concurrency", () => {
  it("a burst of 16 concurrent requests: every one answered, each with its own correct audio", async () => {
    const texts = ["Alpha is first.", "Bravo comes second, a bit longer.", "Charlie is third in line today!", "Delta closes the set."];
    const bodies = Array.from({ length: 16 }, (_, i) => ({ text: texts[i % 4], seed: 7 }));
    const results = await Promise.all(bodies.map(async (b) => Buffer.from((await wavOf(await postJson("/api/tts", b))).bytes)));
    expect(results).toHaveLength(16);
    for (let i = 0; i < 16; i++) {
      // Same text and seed → byte-identical audio; different text → different audio: no mix-ups under load.
      expect(results[i]!.equals(results[i % 4]!)).toBe(true);
      if (i % 4 !== 0) expect(results[i]!.equals(results[0]!)).toBe(false);
    }
    await waitIdle(10_000);
  });

  it("more requests than slots + queue: the overflow gets 429 with Retry-After, the rest are served or cancelled", async () => {
    await waitIdle(30_000);
    const q = await queue();
    const capacity = q.max + q.maxQueue;
    const extra = 4;
    const ctrl = new AbortController();
    const pending = Array.from({ length: capacity + extra }, (_, i) =>
      postJson("/api/tts", { text: LONG_TEXT, seed: i }, { signal: ctrl.signal }).then(
        async (r) => ({ status: r.status, retry: r.headers.get("retry-after"), body: r.status === 200 ? null : await r.text() }),
        (e: Error) => ({ status: 0, retry: null, body: e.name }),
      ));
    // Overflow answers come back at once, while the admitted requests are still working.
    const settledEarly: { status: number; retry: string | null; body: string | null }[] = [];
    pending.forEach((p) => p.then((r) => { if (r.status === 429) settledEarly.push(r); }));
    const t0 = Date.now();
    while (settledEarly.length < extra && Date.now() - t0 < 20_000) await sleep(50);
    expect(settledEarly.length).toBe(extra);
    for (const r of settledEarly) {
      expect(Number(r.retry)).toBeGreaterThanOrEqual(1);
      expect(JSON.parse(r.body!).error.code).toBe("queue_full");
    }
    const busy = await queue();
    expect(busy.active).toBe(q.max);
    expect(busy.waiting).toBe(q.maxQueue);
    // Disconnecting every client cancels the running and queued jobs.
    ctrl.abort();
    await Promise.all(pending);
    const idleAfter = await waitIdle(15_000);
    expect(idleAfter).toBeLessThan(15_000);
    const metrics = await (await fetch(baseUrl() + "/api/metrics")).text();
    expect(metrics).toMatch(/tts_errors_total\{route="\/api\/tts",code="queue_full"\} [1-9]/);
  });

  it("a client that disconnects cancels its job (whole-result and streaming requests)", async () => {
    await waitIdle(30_000);
    // How long the long text takes when nobody cancels it (streamed, so the first segment shows it started).
    for (const stream of [false, true]) {
      const ctrl = new AbortController();
      const req = postJson("/api/tts", { text: LONG_TEXT, seed: 1, stream }, { signal: ctrl.signal })
        .then(async (r) => { if (stream) await r.body!.getReader().read(); return r; })
        .catch((e: Error) => e);
      // Wait until the job holds a slot, then hang up.
      const t0 = Date.now();
      while ((await queue()).active === 0 && Date.now() - t0 < 20_000) await sleep(50);
      expect((await queue()).active).toBe(1);
      await sleep(stream ? 300 : 100);
      ctrl.abort();
      await req;
      const released = await waitIdle(10_000);
      // The whole text would take many seconds: the slot must be freed well before that.
      expect(released).toBeLessThan(3_000);
    }
    // And the server carries on normally.
    expect((await postJson("/api/tts", { text: "Still here." })).status).toBe(200);
  });

  it("the queue full answer keeps the error shape for the OpenAI route too", async () => {
    await waitIdle(30_000);
    const q = await queue();
    const ctrl = new AbortController();
    const hold = Array.from({ length: q.max + q.maxQueue }, (_, i) =>
      postJson("/api/tts", { text: LONG_TEXT, seed: 100 + i }, { signal: ctrl.signal }).catch(() => null));
    const t0 = Date.now();
    while (((await queue()).waiting < q.maxQueue) && Date.now() - t0 < 20_000) await sleep(50);
    const r = await postJson("/v1/audio/speech", { model: "tts-1", voice: "alloy", input: "One more.", response_format: "wav" });
    expect(Number(r.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await expectError(r, 429)).code).toBe("queue_full");
    ctrl.abort();
    await Promise.all(hold);
    await waitIdle(15_000);
  });
});
