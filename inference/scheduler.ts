/**
 * Bounded scheduler: at most `maxConcurrent` jobs run, at most `maxQueue` wait; a job arriving at a
 * full queue is rejected at once with TTSError("queue_full") carrying a Retry-After estimate.
 * A caller's AbortSignal removes a waiting job from the queue; a running job gets the same signal and
 * is expected to stop at its next check, and its slot is freed when it settles.
 */
import { TTSError } from "./errors";

export type SchedulerStats = { active: number; waiting: number; max: number; maxQueue: number };

type Waiter = { start: () => void; onAbort: () => void };

export function cancelledError(): TTSError {
  return new TTSError("cancelled", "the request was cancelled");
}

export class Scheduler {
  private active = 0;
  private readonly waiting: Waiter[] = [];
  private readonly idleWaiters: Array<() => void> = [];
  // Moving average of job run time, for Retry-After.
  private avgJobMs = 1000;

  constructor(readonly maxConcurrent: number, readonly maxQueue: number) {
    if (!(Number.isInteger(maxConcurrent) && maxConcurrent >= 1)) throw new TTSError("invalid_option", "maxConcurrent must be an integer >= 1");
    if (!(Number.isInteger(maxQueue) && maxQueue >= 0)) throw new TTSError("invalid_option", "maxQueue must be an integer >= 0");
  }

  /**
   * Waits for a slot (or fails at once with queue_full) and returns its release function and the time
   * spent queued. The caller must call release exactly once (later calls are ignored).
   */
  async acquire(signal?: AbortSignal): Promise<{ release: () => void; waitMs: number }> {
    if (signal?.aborted) throw cancelledError();
    const queuedAt = performance.now();
    if (this.active >= this.maxConcurrent) {
      if (this.waiting.length >= this.maxQueue) {
        throw new TTSError("queue_full", `the server is busy (${this.active} running, ${this.waiting.length} waiting)`, {
          retryAfterSeconds: this.retryAfterSeconds(),
        });
      }
      await this.waitForSlot(signal);
    } else {
      this.active++;
    }
    const started = performance.now();
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      this.avgJobMs = 0.8 * this.avgJobMs + 0.2 * (performance.now() - started);
      this.release();
    };
    return { release, waitMs: started - queuedAt };
  }

  /** Runs `job` in a slot; `waitMs` is the time it spent queued. */
  async run<T>(job: (waitMs: number) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const { release, waitMs } = await this.acquire(signal);
    try {
      return await job(waitMs);
    } finally {
      release();
    }
  }

  private waitForSlot(signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        start: () => {
          signal?.removeEventListener("abort", waiter.onAbort);
          resolve();
        },
        onAbort: () => {
          const i = this.waiting.indexOf(waiter);
          if (i >= 0) this.waiting.splice(i, 1);
          reject(cancelledError());
        },
      };
      signal?.addEventListener("abort", waiter.onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  /** Hands the slot to the next waiter (the slot count stays), or frees it. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next.start();
    else this.active--;
    if (this.active === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
  }

  /** Resolves once no job is running or waiting (used before releasing the models). */
  idle(): Promise<void> {
    if (this.active === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Seconds until a slot is likely free: queued work / concurrency, at least 1. */
  retryAfterSeconds(): number {
    const ahead = this.waiting.length + this.active;
    return Math.max(1, Math.ceil((ahead * this.avgJobMs) / this.maxConcurrent / 1000));
  }

  stats(): SchedulerStats {
    return { active: this.active, waiting: this.waiting.length, max: this.maxConcurrent, maxQueue: this.maxQueue };
  }
}
