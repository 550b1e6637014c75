// start_app.sh end to end on the built app: a second run reuses install and build and is ready in
// seconds, the Slack notice reaches a real HTTP receiver that checks the Block Kit payload, a failing
// or hanging webhook leaves the service up, a taken port gives a clear exit, SIGTERM stops it with 0.
// Needs the install and build that tests/run.sh makes first (`bash start_app.sh --setup-only`).
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startServer, type TestServer } from "./httpFixture";

const version = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;

interface Launch {
  child: ChildProcess;
  port: number;
  output: () => string;
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<number>; // ms since launch
  exited: Promise<number | null>;
}

let logDir: string;
const launches: Launch[] = [];

function launch(env: Record<string, string>, args: string[] = [], port?: number): Promise<Launch> {
  return (async () => {
    const p = port ?? (await freePort());
    const t0 = Date.now();
    let out = "";
    const child = spawn("bash", ["start_app.sh", ...args], {
      env: { ...process.env, PORT: String(p), HOST: "127.0.0.1", LOG_DIR: logDir, TTS_MODELS: "", ONNXRUNTIME_NODE_INSTALL: "skip", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const waiters: Array<() => void> = [];
    const onData = (d: Buffer) => {
      out += d.toString();
      waiters.forEach((w) => w());
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    // "close", not "exit": the launcher tees its output, which may still be flushing when bash exits.
    const exited = new Promise<number | null>((r) => child.once("close", (code) => r(code)));
    const l: Launch = {
      child,
      port: p,
      output: () => out,
      exited,
      waitFor: (pattern, timeoutMs = 60_000) =>
        new Promise((resolve, reject) => {
          const check = () => pattern.test(out) && (clearTimeout(timer), resolve(Date.now() - t0));
          const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; output:\n${out}`)), timeoutMs);
          waiters.push(check);
          check();
          void exited.then((code) => {
            check();
            clearTimeout(timer);
            reject(new Error(`launcher exited (${code}) before ${pattern}; output:\n${out}`));
          });
        }),
    };
    launches.push(l);
    return l;
  })();
}

async function stop(l: Launch): Promise<number | null> {
  if (l.child.exitCode === null) l.child.kill("SIGTERM");
  return l.exited;
}

async function healthStatus(port: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/api/health`);
  await res.body?.cancel();
  return res.status;
}

beforeAll(() => {
  logDir = mkdtempSync(join(tmpdir(), "tts-logs-"));
});
afterAll(async () => {
  for (const l of launches) if (l.child.exitCode === null) l.child.kill("SIGKILL");
  rmSync(logDir, { recursive: true, force: true });
});

describe("start_app.sh", () => {
  it("reuses install and build, is ready in seconds, announces itself on Slack, stops cleanly on SIGTERM", async () => {
    const payloads: unknown[] = [];
    const slack = await startServer((req, res, body) => {
      payloads.push(JSON.parse(body));
      res.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
    });
    try {
      const l = await launch({ SLACK_WEBHOOK_URL: `${slack.url}/services/T000/B000/XXXX` });
      const readyMs = await l.waitFor(/ready: http:\/\/127\.0\.0\.1:\d+ \(start-up/);
      const out = l.output();
      expect(out).toMatch(/dependencies: up to date/);
      expect(out).toMatch(/build: up to date/);
      expect(out).toContain(`http://127.0.0.1:${l.port}`);
      expect(readyMs).toBeLessThan(30_000); // "starts in seconds", with margin for a machine busy training
      expect(await healthStatus(l.port)).toBe(200);

      await l.waitFor(/Slack start-up notice sent/, 20_000);
      expect(slack.requests).toHaveLength(1);
      expect(slack.requests[0].method).toBe("POST");
      expect(slack.requests[0].url).toBe("/services/T000/B000/XXXX");
      expect(slack.requests[0].headers["content-type"]).toMatch(/^application\/json/);
      const msg = payloads[0] as { text: string; blocks: Array<{ type: string; text?: { text: string }; fields?: Array<{ type: string; text: string }> }> };
      expect(msg.text).toContain(`http://127.0.0.1:${l.port}`);
      expect(msg.blocks[0]).toMatchObject({ type: "header", text: { type: "plain_text" } });
      const fields = Object.fromEntries(
        msg.blocks.find((b) => b.type === "section")!.fields!.map((f) => {
          expect(f.type).toBe("mrkdwn");
          const [label, ...value] = f.text.split("\n");
          return [label.replace(/\*/g, ""), value.join("\n")];
        }),
      );
      expect(fields.Host).toBe(hostname());
      expect(fields.URL).toContain(`http://127.0.0.1:${l.port}`);
      expect(fields.Version).toBe(version);
      expect(fields.Models).toMatch(/^default \d+\.\d+\.\d+/); // from GET /api/health
      expect(fields.Health).toBe("ok");
      const seconds = Number(/^([\d.]+) s$/.exec(fields["Start-up time"])?.[1]);
      expect(seconds).toBeGreaterThan(0);
      expect(seconds * 1000).toBeLessThanOrEqual(readyMs + 1000);

      const t0 = Date.now();
      expect(await stop(l)).toBe(0);
      expect(Date.now() - t0).toBeLessThan(20_000);
      expect(l.output()).toMatch(/stopped/);
      await expect(healthStatus(l.port)).rejects.toThrow();
      expect(readFileSync(join(logDir, "index-tts.log"), "utf8")).toContain(`ready: http://127.0.0.1:${l.port}`);
    } finally {
      await slack.close();
    }
  });

  it("on SIGTERM lets an in-flight synthesis finish, then exits 0", async () => {
    const l = await launch({}, ["--no-setup"]);
    await l.waitFor(/ready: http:\/\/127\.0\.0\.1/);
    const text = "Shutting down politely means finishing the work in hand. ".repeat(6);
    const sentAt = Date.now();
    const pending = fetch(`http://127.0.0.1:${l.port}/api/tts`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text }),
    }).then(async (res) => ({ status: res.status, body: Buffer.from(await res.arrayBuffer()), endedAt: Date.now() }));
    await new Promise((r) => setTimeout(r, 300));
    const termAt = Date.now();
    l.child.kill("SIGTERM");
    const [res, code] = await Promise.all([pending, l.exited]);
    expect(termAt - sentAt).toBeGreaterThanOrEqual(300);
    expect(res.endedAt).toBeGreaterThan(termAt); // it was still in flight when the signal came
    expect(res.status).toBe(200);
    expect(res.body.subarray(0, 4).toString("latin1")).toBe("RIFF");
    expect(res.body.readUInt32LE(4) + 8).toBe(res.body.length); // complete WAV, not cut off
    expect(code).toBe(0);
  });

  it("keeps serving when the webhook answers 500 or never answers", async () => {
    const failing = await startServer((_req, res) => res.writeHead(500).end("internal"));
    const hanging = await startServer(() => {
      /* never answers */
    });
    try {
      const a = await launch({ SLACK_WEBHOOK_URL: `${failing.url}/hook` }, ["--no-setup"]);
      const b = await launch({ SLACK_WEBHOOK_URL: `${hanging.url}/hook` }, ["--no-setup"]);
      await a.waitFor(/Slack start-up notice failed \(HTTP 500: internal\); the service keeps running/);
      await b.waitFor(/Slack start-up notice failed \(no answer in time\); the service keeps running/, 60_000);
      expect(failing.requests).toHaveLength(1);
      expect(hanging.requests).toHaveLength(1);
      expect(await healthStatus(a.port)).toBe(200);
      expect(await healthStatus(b.port)).toBe(200);
      expect(a.output()).not.toContain("/hook"); // the webhook URL is a secret, never logged
      expect(await stop(a)).toBe(0);
      expect(await stop(b)).toBe(0);
    } finally {
      await failing.close();
      await hanging.close();
    }
  });

  it("fetches TTS_MODELS before starting, and starts anyway when a package cannot be had", async () => {
    const modelJson = Buffer.from(JSON.stringify({ format: "index-tts-web/model@1", id: "extra" }));
    const weights = Buffer.alloc(300_000, 7);
    const files = new Map([["/extra/model.json", modelJson], ["/extra/decoder.onnx", weights]]);
    const host = await startServer((req, res) => {
      const data = files.get(req.url ?? "");
      if (data) res.writeHead(200, { "Content-Length": data.length }).end(data);
      else res.writeHead(404).end();
    });
    const cacheDir = mkdtempSync(join(tmpdir(), "tts-cache-"));
    const deadPort = await freePort();
    const entry = (id: string, base: string) => ({
      id,
      name: id,
      optional: true,
      files: [...files].map(([path, data]) => ({
        path: path.split("/")[2],
        url: `${base}${path}`,
        size: data.length,
        sha256: createHash("sha256").update(data).digest("hex"),
      })),
    });
    writeFileSync(
      join(cacheDir, "models.manifest.json"),
      JSON.stringify({
        format: "index-tts-web/models-manifest@1",
        packages: [entry("extra", host.url), entry("unreachable", `http://127.0.0.1:${deadPort}`)],
      }),
    );
    try {
      // The app reads packages from TTS_MODEL_DIR too; this stand-in package is not a loadable model,
      // so the service comes up and its health check may say so: any answer will do here.
      const l = await launch(
        { TTS_MODELS: "extra,unreachable", TTS_MODEL_DIR: cacheDir, TTS_MODELS_MANIFEST: join(cacheDir, "models.manifest.json") },
        ["--no-setup"],
      );
      await l.waitFor(/(ready:|up at) http:\/\/127\.0\.0\.1/);
      const out = l.output();
      expect(out).toMatch(/\[models\] extra\/decoder\.onnx: downloading 0\.3 MB/);
      expect(out).toMatch(/\[models\] extra: ready \(2 downloaded, 0 already present\)/);
      expect(out).toMatch(/\[models\] unreachable: FAILED/);
      expect(out).toMatch(/models: download incomplete; starting with the bundled default voice/);
      expect(out.indexOf("extra: ready")).toBeLessThan(out.indexOf("starting index-tts-web"));
      expect(readFileSync(join(cacheDir, "extra", "decoder.onnx")).equals(weights)).toBe(true);
      expect(await healthStatus(l.port)).toBeGreaterThanOrEqual(200);
      expect(await stop(l)).toBe(0);
    } finally {
      await host.close();
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it("exits with a clear message when the port is taken", async () => {
    const squatter = await startServer((_req, res) => res.end("busy"));
    try {
      const l = await launch({}, ["--no-setup"], squatter.port);
      expect(await l.exited).toBe(2);
      expect(l.output()).toContain(`port ${squatter.port} on 127.0.0.1 is already in use`);
      expect(l.output()).toContain(`PORT=${squatter.port + 1} bash start_app.sh`);
    } finally {
      await squatter.close();
    }
  });

  it("rejects bad options and ports before doing anything", async () => {
    const bad = await launch({}, ["--frobnicate"]);
    expect(await bad.exited).toBe(64);
    expect(bad.output()).toMatch(/unknown option '--frobnicate'/);
    const badPort = await launch({ PORT: "http" }, ["--no-setup"]);
    expect(await badPort.exited).toBe(64);
    expect(badPort.output()).toContain("PORT must be a number between 1 and 65535 (got 'http')");
  });
});
