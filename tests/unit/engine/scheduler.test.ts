import { describe, expect, it } from "vitest";
import { TTSError } from "../../../inference/errors";
import { Scheduler } from "../../../inference/scheduler";

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => { resolve = r; });
  return { promise, resolve };
}
const settle = () => new Promise((r) => setImmediate(r));

describe("Scheduler", () => {
  it("runs at most maxConcurrent jobs and rejects at once when the queue is full", async () => {
    const s = new Scheduler(2, 1);
    const gates = [deferred(), deferred(), deferred()];
    let running = 0;
    let maxRunning = 0;
    const job = (g: { promise: Promise<void> }) => async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await g.promise;
      running--;
      return "ok";
    };
    const p = gates.map((g) => s.run(job(g)));
    await settle();
    expect(s.stats()).toMatchObject({ active: 2, waiting: 1 });
    const t0 = performance.now();
    const err = await s.run(async () => "never").catch((e: unknown) => e);
    expect(performance.now() - t0).toBeLessThan(50);
    expect(err).toBeInstanceOf(TTSError);
    expect((err as TTSError).code).toBe("queue_full");
    expect((err as TTSError).status).toBe(429);
    expect((err as TTSError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    gates.forEach((g) => g.resolve());
    expect(await Promise.all(p)).toEqual(["ok", "ok", "ok"]);
    expect(maxRunning).toBe(2);
    expect(s.stats()).toMatchObject({ active: 0, waiting: 0 });
  });

  it("a cancelled waiter leaves the queue and frees its place", async () => {
    const s = new Scheduler(1, 1);
    const gate = deferred();
    const first = s.run(() => gate.promise);
    const ac = new AbortController();
    const waiting = s.run(async () => "should not run", ac.signal).catch((e: unknown) => e);
    await settle();
    expect(s.stats().waiting).toBe(1);
    ac.abort();
    const err = await waiting;
    expect((err as TTSError).code).toBe("cancelled");
    expect(s.stats().waiting).toBe(0);
    // The freed place can be taken again.
    const third = s.run(async () => "third");
    gate.resolve();
    await first;
    expect(await third).toBe("third");
  });

  it("a job that fails or is cancelled while running frees its slot", async () => {
    const s = new Scheduler(1, 0);
    await expect(s.run(async () => { throw new Error("boom"); })).rejects.toThrow("boom");
    expect(s.stats().active).toBe(0);
    const ac = new AbortController();
    const running = s.run(async () => {
      await new Promise((r) => setTimeout(r, 20));
      if (ac.signal.aborted) throw new TTSError("cancelled", "cancelled");
      return "done";
    }, ac.signal);
    ac.abort();
    await expect(running).rejects.toMatchObject({ code: "cancelled" });
    expect(await s.run(async () => "next")).toBe("next");
  });

  it("rejects an already aborted signal without queueing", async () => {
    const s = new Scheduler(1, 1);
    const ac = new AbortController();
    ac.abort();
    await expect(s.run(async () => 1, ac.signal)).rejects.toMatchObject({ code: "cancelled" });
    expect(s.stats()).toMatchObject({ active: 0, waiting: 0 });
  });
});

describe("Scheduler.idle", () => {
  it("resolves when the last running job settles", async () => {
    const s = new Scheduler(1, 1);
    await s.idle();
    const gate = deferred();
    const job = s.run(() => gate.promise);
    let idle = false;
    const waiting = s.idle().then(() => { idle = true; });
    await settle();
    expect(idle).toBe(false);
    gate.resolve();
    await job;
    await waiting;
    expect(idle).toBe(true);
  });
});
