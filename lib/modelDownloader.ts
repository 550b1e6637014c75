// Downloads model packages listed in cache_hub/models.manifest.json into cache_hub/<id>/.
//
// Files are fetched into cache_hub/.downloads/<id>/<file>.part, resumed with an HTTP Range request
// when a transfer breaks, checked against the manifest's size and sha256, and only then moved into
// the package folder (model.json last, so the engine never sees a half-installed package).
// A file already present with the right checksum is never fetched again.
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat, readdir, rmdir } from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import { join } from "node:path";
import type { ManifestFile, ManifestPackage } from "./modelManifest";

export type DownloadEvent =
  | { kind: "present"; pkg: string; file: string }
  | { kind: "start"; pkg: string; file: string; from: number; size: number }
  | { kind: "progress"; pkg: string; file: string; received: number; size: number; bytesPerSecond: number }
  | { kind: "retry"; pkg: string; file: string; attempt: number; error: string }
  | { kind: "verified"; pkg: string; file: string }
  | { kind: "rejected"; pkg: string; file: string; error: string };

export interface DownloadOptions {
  cacheDir: string; // cache_hub/
  attempts?: number; // per file, each one resuming where the last stopped (default 4)
  idleTimeoutMs?: number; // a connection that sends nothing for this long is dropped (default 30 s)
  retryDelayMs?: number; // pause before a retry (default 1 s)
  progressIntervalMs?: number; // at most one progress event per interval (default 2 s)
  onEvent?: (ev: DownloadEvent) => void;
}

export interface PackageResult {
  id: string;
  ok: boolean;
  downloaded: string[]; // files fetched (fully or partly) in this run
  present: string[]; // files that were already there and verified
  error?: string;
}

class DownloadError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

async function sizeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch {
    return undefined;
  }
}

async function isVerified(path: string, file: ManifestFile): Promise<boolean> {
  return (await sizeOf(path)) === file.size && (await sha256OfFile(path)) === file.sha256;
}

/** Fetches every file of one package; never throws (failures come back in the result). */
export async function downloadPackage(pkg: ManifestPackage, opts: DownloadOptions): Promise<PackageResult> {
  const result: PackageResult = { id: pkg.id, ok: false, downloaded: [], present: [] };
  const packageDir = join(opts.cacheDir, pkg.id);
  const stagingDir = join(opts.cacheDir, ".downloads", pkg.id);
  const staged: ManifestFile[] = [];
  try {
    for (const file of pkg.files) {
      if (await isVerified(join(packageDir, file.path), file)) {
        result.present.push(file.path);
        opts.onEvent?.({ kind: "present", pkg: pkg.id, file: file.path });
        continue;
      }
      await mkdir(stagingDir, { recursive: true });
      const stagedPath = join(stagingDir, file.path);
      if (!(await isVerified(stagedPath, file))) {
        result.downloaded.push(file.path);
        await downloadFile(pkg.id, file, stagedPath, opts);
      }
      staged.push(file);
    }
    // model.json goes last: its presence is what makes the engine consider the folder a package.
    staged.sort((a, b) => Number(a.path === "model.json") - Number(b.path === "model.json"));
    if (staged.length > 0) await mkdir(packageDir, { recursive: true });
    for (const file of staged) await rename(join(stagingDir, file.path), join(packageDir, file.path));
    await removeIfEmpty(stagingDir);
    await removeIfEmpty(join(opts.cacheDir, ".downloads"));
    result.ok = true;
  } catch (err) {
    result.error = err instanceof Error ? err.message : String(err);
  }
  return result;
}

async function removeIfEmpty(dir: string): Promise<void> {
  try {
    if ((await readdir(dir)).length === 0) await rmdir(dir);
  } catch {
    // missing or not empty: nothing to tidy
  }
}

/** Downloads one file to `target`, resuming `target.part`; leaves `target` only if the checksum matches. */
async function downloadFile(pkgId: string, file: ManifestFile, target: string, opts: DownloadOptions): Promise<void> {
  const partPath = `${target}.part`;
  const attempts = opts.attempts ?? 4;
  for (let attempt = 1; ; attempt++) {
    try {
      await transfer(pkgId, file, partPath, opts);
      break;
    } catch (err) {
      const retryable = !(err instanceof DownloadError) || err.retryable;
      const message = err instanceof Error ? err.message : String(err);
      if (!retryable || attempt >= attempts) throw new Error(`${pkgId}/${file.path}: ${message}`);
      opts.onEvent?.({ kind: "retry", pkg: pkgId, file: file.path, attempt, error: message });
      await new Promise((r) => setTimeout(r, opts.retryDelayMs ?? 1000));
    }
  }
  const actual = await sha256OfFile(partPath);
  if (actual !== file.sha256) {
    await rm(partPath, { force: true });
    const error = `checksum mismatch (expected ${file.sha256}, got ${actual}): file deleted`;
    opts.onEvent?.({ kind: "rejected", pkg: pkgId, file: file.path, error });
    throw new Error(`${pkgId}/${file.path}: ${error}`);
  }
  await rename(partPath, target);
  opts.onEvent?.({ kind: "verified", pkg: pkgId, file: file.path });
}

/** One HTTP attempt: appends to `partPath` from its current size until `file.size` bytes are there. */
async function transfer(pkgId: string, file: ManifestFile, partPath: string, opts: DownloadOptions): Promise<void> {
  let have = (await sizeOf(partPath)) ?? 0;
  if (have > file.size) {
    await rm(partPath, { force: true });
    have = 0;
  }
  if (have === file.size) return;
  opts.onEvent?.({ kind: "start", pkg: pkgId, file: file.path, from: have, size: file.size });

  const res = await request(file.url, have > 0 ? { Range: `bytes=${have}-` } : {}, opts.idleTimeoutMs ?? 30_000);
  const status = res.statusCode ?? 0;
  let append: boolean;
  if (status === 206 && have > 0 && contentRangeStart(res.headers["content-range"]) === have) {
    append = true;
  } else if (status === 200) {
    append = false; // the server ignored the Range: start over
    have = 0;
  } else if (status === 206) {
    // A range we did not ask for: start the file over rather than splice mismatched bytes.
    res.resume();
    await rm(partPath, { force: true });
    throw new DownloadError(`unexpected Content-Range "${res.headers["content-range"] ?? ""}" from ${file.url}`, true);
  } else {
    res.resume();
    const retryable = status >= 500 || status === 408 || status === 429 || status === 416;
    if (status === 416) await rm(partPath, { force: true });
    throw new DownloadError(`HTTP ${status} from ${file.url}`, retryable);
  }

  const out = createWriteStream(partPath, { flags: append ? "a" : "w" });
  const interval = opts.progressIntervalMs ?? 2000;
  const t0 = Date.now();
  const startedAt = have;
  let lastReport = t0;
  await new Promise<void>((resolve, reject) => {
    let settled = false;
    // Keep what arrived (flush it to the .part file) so the next attempt resumes from there.
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      res.destroy();
      out.end(() => reject(err));
    };
    res.on("data", (chunk: Buffer) => {
      have += chunk.length;
      if (settled) return;
      if (have > file.size) return fail(new DownloadError(`server sent more than the expected ${file.size} bytes`, true));
      if (!out.write(chunk)) {
        res.pause();
        out.once("drain", () => res.resume());
      }
      const now = Date.now();
      if (now - lastReport >= interval) {
        lastReport = now;
        const bytesPerSecond = ((have - startedAt) * 1000) / Math.max(1, now - t0);
        opts.onEvent?.({ kind: "progress", pkg: pkgId, file: file.path, received: have, size: file.size, bytesPerSecond });
      }
    });
    out.on("error", (err) => {
      if (settled) return;
      settled = true;
      res.destroy();
      reject(new DownloadError(`cannot write ${partPath}: ${err.message}`, false));
    });
    res.on("error", (err) => fail(err));
    res.on("close", () => {
      if (!res.complete) fail(new Error(`connection dropped after ${have} of ${file.size} bytes`));
    });
    res.on("end", () => {
      if (settled) return;
      settled = true;
      out.end((err?: Error | null) => {
        if (err) return reject(err);
        if (have < file.size) return reject(new Error(`connection closed after ${have} of ${file.size} bytes`));
        resolve();
      });
    });
  });
  const bytesPerSecond = ((have - startedAt) * 1000) / Math.max(1, Date.now() - t0);
  opts.onEvent?.({ kind: "progress", pkg: pkgId, file: file.path, received: have, size: file.size, bytesPerSecond });
}

function contentRangeStart(header: string | undefined): number | undefined {
  const m = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(header ?? "");
  return m ? Number(m[1]) : undefined;
}

/** GET with redirects (release hosts redirect to storage) and an idle timeout. */
function request(url: string, headers: Record<string, string>, idleTimeoutMs: number, redirects = 5): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const client = url.startsWith("https:") ? https : http;
    const req = client.get(url, { headers: { "User-Agent": "index-tts-web-model-downloader", ...headers } }, (res) => {
      const location = res.headers.location;
      if (res.statusCode && res.statusCode >= 300 && res.statusCode < 400 && location) {
        res.resume();
        if (redirects === 0) return reject(new DownloadError(`too many redirects from ${url}`, false));
        return resolve(request(new URL(location, url).toString(), headers, idleTimeoutMs, redirects - 1));
      }
      resolve(res);
    });
    req.setTimeout(idleTimeoutMs, () => req.destroy(new Error(`no data from ${url} for ${idleTimeoutMs} ms`)));
    req.on("error", reject);
  });
}
