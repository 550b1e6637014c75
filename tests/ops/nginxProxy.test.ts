// deploy/nginx/index-tts.conf in the real Debian nginx, templated onto test ports, in front of a backend:
// 401 without credentials, 200 with, streamed audio arrives in chunks, oversized bodies refused (413),
// forwarded headers set, rate limit answers 429.
//
// ┌─ SWITCH: backend ───────────────────────────────────────────────────────────────────────────────┐
// │ By default the backend is a small node server imitating the app's streaming route.              │
// │ Set NGINX_TEST_APP_URL=http://127.0.0.1:<port> (a running `bash start_app.sh`) to put the real   │
// │ app behind nginx instead; REAL_APP_STREAM_REQUEST below is the app's streaming request.         │
// └─────────────────────────────────────────────────────────────────────────────────────────────────┘
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startServer, type TestServer } from "./httpFixture";

const REAL_APP_URL = process.env.NGINX_TEST_APP_URL;
// The web app's streaming mode of POST /api/tts (app/api/tts/route.ts: `stream: true`, one write per segment).
const REAL_APP_STREAM_REQUEST = {
  path: "/api/tts",
  body: {
    text: "The first sentence is short. The second one follows it. A third sentence makes a third segment. And a fourth ends it.",
    stream: true,
  },
};
const FAKE_CHUNKS = 5;
const FAKE_CHUNK_BYTES = 1000;
const FAKE_CHUNK_GAP_MS = 300;

const NGINX = "/usr/sbin/nginx";
const USER = "tester";
const PASSWORD = "s3cret-for-tests";
const auth = { Authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString("base64")}` };

let dir: string;
let proxyUrl: string;
let nginx: ChildProcess | undefined;
let fake: TestServer | undefined;

/** The fake app: /api/health answers JSON, the audio route streams chunks with pauses between them. */
function startFakeApp(): Promise<TestServer> {
  return startServer((req, res) => {
    if (req.url === "/api/health") {
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ status: "ok" }));
      return;
    }
    if (req.method === "POST" && req.url === "/api/tts") {
      res.writeHead(200, { "Content-Type": "audio/wav" });
      let sent = 0;
      const next = () => {
        if (sent === FAKE_CHUNKS) return void res.end();
        res.write(Buffer.alloc(FAKE_CHUNK_BYTES, sent + 1));
        sent++;
        setTimeout(next, FAKE_CHUNK_GAP_MS);
      };
      next();
      return;
    }
    res.writeHead(200, { "Content-Type": "text/plain" }).end("index page");
  });
}

/** The production site config with test ports and paths substituted; fails loudly if a line moved. */
function templatedSiteConfig(listenPort: number, backend: string, htpasswd: string): string {
  let conf = readFileSync("deploy/nginx/index-tts.conf", "utf8");
  const swap = (from: string, to: string) => {
    expect(conf, `deploy/nginx/index-tts.conf should contain "${from}"`).toContain(from);
    conf = conf.replace(from, to);
  };
  swap("listen 80;", `listen 127.0.0.1:${listenPort};`);
  swap("server 127.0.0.1:7860;", `server ${backend};`);
  swap("/etc/nginx/index-tts.htpasswd", htpasswd);
  return conf;
}

function mainConfig(dir: string): string {
  return `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log info;
events { worker_connections 256; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/index-tts.conf;
}
`;
}

async function waitForPort(url: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await (await fetch(url)).body?.cancel();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`nginx did not listen on ${url}: ${readFileSync(join(dir, "error.log"), "utf8")}`);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tts-nginx-"));
  chmodSync(dir, 0o755); // nginx workers run as an unprivileged user and must read the htpasswd file
  const hash = execFileSync("openssl", ["passwd", "-apr1", PASSWORD], { encoding: "utf8" }).trim();
  writeFileSync(join(dir, "htpasswd"), `${USER}:${hash}\n`, { mode: 0o644 });

  let backend: string;
  if (REAL_APP_URL) {
    backend = new URL(REAL_APP_URL).host;
  } else {
    fake = await startFakeApp();
    backend = `127.0.0.1:${fake.port}`;
  }
  const port = await freePort();
  proxyUrl = `http://127.0.0.1:${port}`;
  writeFileSync(join(dir, "index-tts.conf"), templatedSiteConfig(port, backend, join(dir, "htpasswd")));
  writeFileSync(join(dir, "nginx.conf"), mainConfig(dir));
  execFileSync(NGINX, ["-t", "-q", "-p", dir, "-e", join(dir, "error.log"), "-c", join(dir, "nginx.conf")]);
  nginx = spawn(NGINX, ["-p", dir, "-e", join(dir, "error.log"), "-c", join(dir, "nginx.conf")], { stdio: "inherit" });
  await waitForPort(proxyUrl);
});

afterAll(async () => {
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((r) => nginx!.once("exit", r));
    nginx.kill("SIGQUIT"); // graceful stop
    await exited;
  }
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("nginx in front of index-tts-web", () => {
  it("asks for credentials: 401 without them or with a wrong password", async () => {
    const none = await fetch(`${proxyUrl}/`);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe('Basic realm="index-tts-web"');
    const wrong = await fetch(`${proxyUrl}/api/health`, {
      headers: { Authorization: `Basic ${Buffer.from(`${USER}:wrong`).toString("base64")}` },
    });
    expect(wrong.status).toBe(401);
    if (fake) expect(fake.requests).toHaveLength(0);
  });

  it("passes authenticated requests through with forwarded headers", async () => {
    const res = await fetch(`${proxyUrl}/api/health`, { headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    await res.json();
    if (fake) {
      const seen = fake.requests.at(-1)!;
      expect(seen.url).toBe("/api/health");
      expect(seen.headers["x-forwarded-for"]).toBe("127.0.0.1");
      expect(seen.headers["x-real-ip"]).toBe("127.0.0.1");
      expect(seen.headers["x-forwarded-proto"]).toBe("http");
      expect(seen.headers["x-forwarded-host"]).toBe(new URL(proxyUrl).hostname);
    }
  });

  it("streams audio through without buffering: chunks arrive as the backend sends them", async () => {
    const path = REAL_APP_URL ? REAL_APP_STREAM_REQUEST.path : "/api/tts";
    const body = REAL_APP_URL ? REAL_APP_STREAM_REQUEST.body : { text: "hello" };
    const t0 = Date.now();
    const res = await fetch(`${proxyUrl}${path}`, {
      method: "POST",
      headers: { ...auth, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^audio\//);
    const arrivals: Array<{ at: number; bytes: number }> = [];
    const reader = res.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      arrivals.push({ at: Date.now() - t0, bytes: value.length });
    }
    const total = arrivals.reduce((n, a) => n + a.bytes, 0);
    const spread = arrivals.at(-1)!.at - arrivals[0].at;
    if (REAL_APP_URL) {
      // The app sends one write per finished segment; through nginx they must still arrive apart.
      expect(res.headers.get("x-streaming")).toBe("segments");
      expect(Number(res.headers.get("x-segments"))).toBeGreaterThanOrEqual(2);
      expect(arrivals.length).toBeGreaterThanOrEqual(2);
      expect(spread).toBeGreaterThan(0);
    } else {
      expect(total).toBe(FAKE_CHUNKS * FAKE_CHUNK_BYTES);
      // With buffering the client would get everything at the end; unbuffered, the first chunk comes
      // long before the last (the backend spaces them 300 ms apart).
      expect(arrivals.length).toBeGreaterThanOrEqual(FAKE_CHUNKS - 1);
      expect(spread).toBeGreaterThan((FAKE_CHUNKS - 2) * FAKE_CHUNK_GAP_MS);
    }
  });

  it("turns buffering off for the audio routes, whatever the backend's chunk sizes", () => {
    // nginx 1.22 forwards small chunks promptly even when buffering, so the timing test above cannot
    // tell the two apart; this keeps the directive that makes large segments flow unbuffered in place.
    const conf = readFileSync("deploy/nginx/index-tts.conf", "utf8");
    const audioLocation = /location ~ \^\/\(api\/tts\|v1\/audio\/speech\)[^{]*\{([^}]*)\}/.exec(conf);
    expect(audioLocation, "audio location block").not.toBeNull();
    expect(audioLocation![1]).toMatch(/^\s*proxy_buffering off;/m);
    expect(audioLocation![1]).toMatch(/^\s*proxy_pass http:\/\/index_tts;/m);
  });

  it("refuses an oversized request body itself with 413, without bothering the app", async () => {
    const before = fake?.requests.length ?? 0;
    const res = await fetch(`${proxyUrl}/api/tts`, {
      method: "POST",
      headers: { ...auth, "Content-Type": "application/json" },
      body: JSON.stringify({ text: "a".repeat(2 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get("server")).toMatch(/^nginx/);
    if (fake) expect(fake.requests.length).toBe(before);
  });

  it("rate-limits a burst on the API with 429", async () => {
    const statuses = await Promise.all(
      Array.from({ length: 60 }, () => fetch(`${proxyUrl}/api/health`, { headers: auth }).then(async (r) => (await r.arrayBuffer(), r.status))),
    );
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(20);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
  });
});
