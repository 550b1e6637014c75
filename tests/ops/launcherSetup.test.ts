// start_app.sh's decisions, in a scratch copy with stand-ins for npm, next and nvidia-smi on PATH (the
// real ones are exercised by tests/run.sh and launcher.test.ts): exact prerequisite messages, the
// onnxruntime-node CUDA decision, and install/build only when the lockfile or the sources changed.
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

let dir: string; // scratch app
let bin: string; // PATH for the launcher

function tool(name: string, script: string) {
  writeFileSync(join(bin, name), `#!/bin/bash\n${script}\n`);
  chmodSync(join(bin, name), 0o755);
}

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync("/bin/bash", [join(dir, "start_app.sh"), ...args], {
    cwd: dir,
    encoding: "utf8",
    // A bare environment: only the tools in `bin` exist for the launcher.
    env: { PATH: bin, HOME: dir, LOG_DIR: join(dir, "logs"), NODE_ENV: "production", ...env },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

const calls = () => (existsSync(join(dir, "npm-calls")) ? readFileSync(join(dir, "npm-calls"), "utf8").trim().split("\n") : []);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tts-launcher-"));
  bin = join(dir, "bin");
  mkdirSync(bin);
  for (const f of ["start_app.sh", "package.json", "package-lock.json"]) copyFileSync(f, join(dir, f));
  mkdirSync(join(dir, "cache_hub"));
  writeFileSync(join(dir, "cache_hub", "models.manifest.json"), '{"format":"index-tts-web/models-manifest@1","packages":[]}');
  mkdirSync(join(dir, "app"));
  writeFileSync(join(dir, "app", "page.tsx"), "export default function Page() { return null; }\n");
  // Only what the launcher's setup path needs, plus the stand-ins below.
  for (const t of ["dirname", "mkdir", "tee", "date", "cat", "sha256sum", "cut", "find", "sort", "grep", "id", "sed", "sleep"]) {
    symlinkSync(`/usr/bin/${t}`, join(bin, t));
  }
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function withNodeAndNpm() {
  symlinkSync(process.execPath, join(bin, "node"));
  // npm stand-in: records its arguments and the onnxruntime decision, "installs" a next that "builds".
  tool(
    "npm",
    `echo "$* ORT=\${ONNXRUNTIME_NODE_INSTALL-unset}" >> "${dir}/npm-calls"
mkdir -p node_modules/onnxruntime-node node_modules/next/dist/bin
echo 'require("fs").mkdirSync(".next",{recursive:true}); require("fs").writeFileSync(".next/BUILD_ID","b"); require("fs").appendFileSync("builds","x")' > node_modules/next/dist/bin/next`,
  );
}

describe("start_app.sh prerequisites", () => {
  it("says Node.js is missing", () => {
    const r = run(["--setup-only"]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("ERROR: Node.js is not installed. index-tts-web needs Node.js >= 20");
  });

  it("says Node.js is too old", () => {
    tool("node", 'case "$1" in -p) echo 18 ;; -v) echo v18.19.1 ;; esac');
    const r = run(["--setup-only"]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("ERROR: Node.js v18.19.1 is too old. index-tts-web needs Node.js >= 20.");
  });

  it("says npm is missing", () => {
    symlinkSync(process.execPath, join(bin, "node"));
    const r = run(["--setup-only"]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("ERROR: npm is not installed.");
  });
});

describe("start_app.sh install and build decisions", () => {
  it("without a GPU skips onnxruntime's CUDA download; installs and builds once; redoes each only when needed", () => {
    withNodeAndNpm();
    const first = run(["--setup-only"]);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toContain("no NVIDIA GPU, using the CPU build (ONNXRUNTIME_NODE_INSTALL=skip)");
    expect(calls()).toEqual(["install --no-audit --no-fund --loglevel=error ORT=skip"]);
    expect(readFileSync(join(dir, "builds"), "utf8")).toBe("x");

    const second = run(["--setup-only"]);
    expect(second.code).toBe(0);
    expect(second.out).toContain("dependencies: up to date with package-lock.json");
    expect(second.out).toContain("build: up to date");
    expect(calls()).toHaveLength(1);
    expect(readFileSync(join(dir, "builds"), "utf8")).toBe("x");

    appendFileSync(join(dir, "app", "page.tsx"), "// edited\n"); // sources changed: build only
    expect(run(["--setup-only"]).out).toContain("build: next build (missing or stale)");
    expect(calls()).toHaveLength(1);
    expect(readFileSync(join(dir, "builds"), "utf8")).toBe("xx");

    appendFileSync(join(dir, "package-lock.json"), "\n"); // lockfile changed: install (and build)
    expect(run(["--setup-only"]).code).toBe(0);
    expect(calls()).toHaveLength(2);
    expect(readFileSync(join(dir, "builds"), "utf8")).toBe("xxx");
  });

  it("with an NVIDIA GPU lets onnxruntime-node fetch its CUDA provider; a GPU added later triggers a rebuild of it", () => {
    withNodeAndNpm();
    expect(run(["--setup-only"]).code).toBe(0);
    tool("nvidia-smi", 'echo "GPU 0: NVIDIA L4 (UUID: GPU-00000000-0000-0000-0000-000000000000)"');
    const r = run(["--setup-only"]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain("NVIDIA GPU found, its postinstall will download the CUDA execution provider");
    expect(calls()).toEqual(["install --no-audit --no-fund --loglevel=error ORT=skip", "rebuild onnxruntime-node --loglevel=error ORT=unset"]);
  });

  it("--no-setup refuses to serve a stale build and says what to run", () => {
    withNodeAndNpm();
    expect(run(["--setup-only"]).code).toBe(0);
    appendFileSync(join(dir, "app", "page.tsx"), "// edited\n");
    const r = run(["--no-setup"]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("the build is missing or out of date: run 'bash start_app.sh --setup-only'");
    expect(calls()).toHaveLength(1);
  });
});
