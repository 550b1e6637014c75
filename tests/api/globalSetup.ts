/**
 * Starts the app for the API tests: `next start` on a free port against a fresh models folder with the
 * tiny random-weight package (plus a corrupt `broken` package for the 503 path), via serveFixture.sh.
 * TTS_BASE_URL=http://host:port tests an already running server instead (tests needing the fixture's
 * broken package are then skipped).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    ownServer: boolean;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the test server exited with code ${child.exitCode}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the test server did not answer ${url}/api/health within ${timeoutMs} ms`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.TTS_BASE_URL;
  if (external) {
    project.provide("baseUrl", external.replace(/\/$/, ""));
    project.provide("ownServer", false);
    return async () => {};
  }
  const port = await freePort();
  const child = spawn("bash", ["tests/api/serveFixture.sh"], {
    env: { ...process.env, PORT: String(port), BROKEN_PACKAGE: "1", TTS_MODEL_DIR: "" },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, 180_000);
  project.provide("baseUrl", url);
  project.provide("ownServer", true);
  return async () => {
    if (child.exitCode === null) {
      process.kill(-child.pid!, "SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
  };
}
