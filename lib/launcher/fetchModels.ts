// Run by start_app.sh before the server starts: fetches the packages TTS_MODELS selects from
// cache_hub/models.manifest.json. Exit code 0 when everything selected is ready, 1 otherwise;
// the launcher starts the service either way (with the bundled voice and whatever verified).
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { downloadPackage, type DownloadEvent } from "../modelDownloader";
import { readModelsManifest, selectPackages } from "../modelManifest";

const MB = 1024 * 1024;

function describe(ev: DownloadEvent): string {
  const name = `${ev.pkg}/${ev.file}`;
  switch (ev.kind) {
    case "present":
      return `${name}: present, checksum ok`;
    case "start":
      return ev.from > 0
        ? `${name}: resuming at ${(ev.from / MB).toFixed(1)} of ${(ev.size / MB).toFixed(1)} MB`
        : `${name}: downloading ${(ev.size / MB).toFixed(1)} MB`;
    case "progress": {
      const pct = ev.size > 0 ? Math.floor((ev.received * 100) / ev.size) : 100;
      return `${name}: ${(ev.received / MB).toFixed(1)}/${(ev.size / MB).toFixed(1)} MB (${pct}%) ${(ev.bytesPerSecond / MB).toFixed(2)} MB/s`;
    }
    case "retry":
      return `${name}: attempt ${ev.attempt} failed (${ev.error}); retrying`;
    case "verified":
      return `${name}: sha256 verified`;
    case "rejected":
      return `${name}: REJECTED, ${ev.error}`;
  }
}

async function main(): Promise<number> {
  // Same folder the app's engine registry reads packages from.
  const cacheDir = resolve(process.env.TTS_MODEL_DIR || "cache_hub");
  const manifestPath = process.env.TTS_MODELS_MANIFEST ?? join(resolve("cache_hub"), "models.manifest.json");
  const log = (msg: string) => console.log(`[models] ${msg}`);
  if (existsSync(join(cacheDir, "model.json"))) {
    log(`TTS_MODEL_DIR=${cacheDir} is a single package, not a folder of packages: nothing downloaded`);
    return 1;
  }

  const manifest = await readModelsManifest(manifestPath);
  const { selected, unknown } = selectPackages(manifest, process.env.TTS_MODELS);
  const required = manifest.packages.filter((p) => !p.optional && !selected.includes(p));
  for (const id of unknown) log(`"${id}" is not in ${manifestPath}; known: ${manifest.packages.map((p) => p.id).join(", ") || "none"}`);

  let failed = unknown.length;
  for (const pkg of [...required, ...selected]) {
    const result = await downloadPackage(pkg, { cacheDir, onEvent: (ev) => log(describe(ev)) });
    if (result.ok) {
      log(`${pkg.id}: ready (${result.downloaded.length} downloaded, ${result.present.length} already present)`);
    } else {
      failed++;
      log(`${pkg.id}: FAILED, ${result.error}`);
    }
  }
  if (failed > 0) log("some packages are not available: the service starts with the bundled default voice and the packages that verified");
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.log(`[models] ${err instanceof Error ? err.message : String(err)}; starting with the bundled default voice`);
    process.exit(1);
  },
);
