/**
 * Exports a tiny random-weight model package (real ONNX graphs, contract-conformant) into a temp dir
 * with the training recipe's exporter, once per test run. TTS_FIXTURE_DIR reuses an existing export.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    fixtureDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const reuse = process.env.TTS_FIXTURE_DIR;
  if (reuse && existsSync(join(reuse, "model.json"))) {
    project.provide("fixtureDir", reuse);
    return () => {};
  }
  const dir = mkdtempSync(join(tmpdir(), "tts-fixture-"));
  execFileSync("/usr/bin/python3", ["training/export.py", "--random-init", "--config", "tiny", "--out", dir], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, OPENBLAS_NUM_THREADS: "1" },
  });
  project.provide("fixtureDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
