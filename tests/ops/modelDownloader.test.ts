// The model downloader against a real local HTTP server: good download, corrupted file, broken
// transfer resumed with Range, files already present not fetched again, and the launcher's CLI offline.
import { createHash, randomBytes } from "node:crypto";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { downloadPackage, type DownloadEvent } from "../../lib/modelDownloader";
import type { ManifestPackage } from "../../lib/modelManifest";
import { freePort, startServer, type TestServer } from "./httpFixture";

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

// The package the server offers: a model.json and a 600 kB weights file.
const files: Record<string, Buffer> = {
  "model.json": Buffer.from(JSON.stringify({ format: "index-tts-web/model@1", id: "extra" })),
  "decoder.onnx": randomBytes(600_000),
};

function manifestPackage(baseUrl: string, override: Partial<Record<string, Buffer>> = {}): ManifestPackage {
  return {
    id: "extra",
    name: "test package",
    optional: true,
    files: Object.entries(files).map(([path, data]) => ({
      path,
      url: `${baseUrl}/${path}`,
      size: (override[path] ?? data).length,
      sha256: sha256(override[path] ?? data),
    })),
  };
}

/** Serves `content` per path, honouring Range; `dropFirst` cuts the first transfer of a file midway. */
function serveFiles(content: Record<string, Buffer>, opts: { dropFirst?: string } = {}) {
  let dropped = false;
  return startServer((req, res) => {
    const name = (req.url ?? "").slice(1);
    const data = content[name];
    if (!data) {
      res.writeHead(404).end();
      return;
    }
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? "");
    const start = range ? Number(range[1]) : 0;
    const body = data.subarray(start);
    res.writeHead(range ? 206 : 200, {
      "Content-Length": body.length,
      ...(range ? { "Content-Range": `bytes ${start}-${data.length - 1}/${data.length}` } : {}),
    });
    if (opts.dropFirst === name && !dropped) {
      dropped = true;
      // Send a bit under half, then kill the connection as a flaky network would.
      res.write(body.subarray(0, Math.floor(body.length / 2) - 1234), () => req.socket.destroy());
      return;
    }
    res.end(body);
  });
}

let cacheDir: string;
let server: TestServer | undefined;
let events: DownloadEvent[];
const opts = () => ({ cacheDir, retryDelayMs: 50, progressIntervalMs: 0, onEvent: (ev: DownloadEvent) => events.push(ev) });

beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), "tts-cache-"));
  events = [];
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(cacheDir, { recursive: true, force: true });
});

describe("model downloader", () => {
  it("downloads a package, verifies it and installs it with no leftovers", async () => {
    server = await serveFiles(files);
    const result = await downloadPackage(manifestPackage(server.url), opts());
    expect(result).toMatchObject({ ok: true, downloaded: ["model.json", "decoder.onnx"], present: [] });
    for (const [path, data] of Object.entries(files)) {
      expect(sha256(await readFile(join(cacheDir, "extra", path)))).toBe(sha256(data));
    }
    expect(existsSync(join(cacheDir, ".downloads"))).toBe(false);
    expect(events.filter((e) => e.kind === "verified").map((e) => e.file)).toEqual(["model.json", "decoder.onnx"]);
    expect(events.some((e) => e.kind === "progress" && e.file === "decoder.onnx" && e.received === 600_000)).toBe(true);
  });

  it("rejects and deletes a file whose checksum does not match, and installs nothing", async () => {
    const corrupted = Buffer.from(files["decoder.onnx"]);
    corrupted[1000] ^= 0xff;
    server = await serveFiles({ ...files, "decoder.onnx": corrupted });
    const result = await downloadPackage(manifestPackage(server.url), { ...opts(), attempts: 1 });
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/decoder\.onnx: checksum mismatch/);
    expect(events.some((e) => e.kind === "rejected" && e.file === "decoder.onnx")).toBe(true);
    expect(existsSync(join(cacheDir, "extra", "model.json"))).toBe(false);
    expect(existsSync(join(cacheDir, "extra", "decoder.onnx"))).toBe(false);
    expect(existsSync(join(cacheDir, ".downloads", "extra", "decoder.onnx.part"))).toBe(false);
  });

  it("resumes an interrupted transfer with a Range request instead of starting over", async () => {
    server = await serveFiles(files, { dropFirst: "decoder.onnx" });
    const result = await downloadPackage(manifestPackage(server.url), opts());
    expect(result.ok).toBe(true);
    const gets = server.requests.filter((r) => r.url === "/decoder.onnx");
    expect(gets).toHaveLength(2);
    expect(gets[0].headers.range).toBeUndefined();
    const resumedAt = Number(/^bytes=(\d+)-$/.exec(gets[1].headers.range ?? "")?.[1]);
    expect(resumedAt).toBeGreaterThan(200_000);
    expect(resumedAt).toBeLessThan(300_000);
    expect(events.some((e) => e.kind === "retry" && e.file === "decoder.onnx")).toBe(true);
    expect(sha256(await readFile(join(cacheDir, "extra", "decoder.onnx")))).toBe(sha256(files["decoder.onnx"]));
  });

  it("resumes a .part file left by an earlier run", async () => {
    server = await serveFiles(files);
    const staging = join(cacheDir, ".downloads", "extra");
    await mkdir(staging, { recursive: true });
    await writeFile(join(staging, "decoder.onnx.part"), files["decoder.onnx"].subarray(0, 400_000));
    const result = await downloadPackage(manifestPackage(server.url), opts());
    expect(result.ok).toBe(true);
    expect(server.requests.find((r) => r.url === "/decoder.onnx")?.headers.range).toBe("bytes=400000-");
    expect(sha256(await readFile(join(cacheDir, "extra", "decoder.onnx")))).toBe(sha256(files["decoder.onnx"]));
  });

  it("does not fetch files that are already present and verified", async () => {
    server = await serveFiles(files);
    expect((await downloadPackage(manifestPackage(server.url), opts())).ok).toBe(true);
    const before = server.requests.length;
    const again = await downloadPackage(manifestPackage(server.url), opts());
    expect(again).toMatchObject({ ok: true, downloaded: [], present: ["model.json", "decoder.onnx"] });
    expect(server.requests.length).toBe(before);
    // A damaged installed file is detected and only that one is fetched again.
    await writeFile(join(cacheDir, "extra", "decoder.onnx"), "damaged");
    const repaired = await downloadPackage(manifestPackage(server.url), opts());
    expect(repaired).toMatchObject({ ok: true, downloaded: ["decoder.onnx"], present: ["model.json"] });
    expect(server.requests.slice(before).map((r) => r.url)).toEqual(["/decoder.onnx"]);
  });

  it("launcher step: offline, it reports the failure, exits 1 quickly and leaves no package behind", async () => {
    const deadPort = await freePort(); // nothing listens here: connection refused, as offline
    const manifestPath = join(cacheDir, "models.manifest.json");
    await writeFile(
      manifestPath,
      JSON.stringify({ format: "index-tts-web/models-manifest@1", packages: [manifestPackage(`http://127.0.0.1:${deadPort}`)] }),
    );
    const run = promisify(execFile);
    const t0 = Date.now();
    const err = await run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "lib/launcher/fetchModels.ts"], {
      env: { ...process.env, TTS_MODEL_DIR: cacheDir, TTS_MODELS_MANIFEST: manifestPath, TTS_MODELS: "extra,nonexistent" },
    }).then(
      () => undefined,
      (e: { code: number; stdout: string }) => e,
    );
    expect(err?.code).toBe(1);
    expect(err?.stdout).toMatch(/"nonexistent" is not in/);
    expect(err?.stdout).toMatch(/extra: FAILED, extra\/model\.json: .*ECONNREFUSED/);
    expect(err?.stdout).toMatch(/starts with the bundled default voice/);
    expect(Date.now() - t0).toBeLessThan(60_000);
    expect((await readdir(cacheDir)).filter((d) => d === "extra")).toEqual([]);
  });
});
