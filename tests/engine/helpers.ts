import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { type LoadOptions, TTS, TTSError } from "../../inference/index";

export const fixtureDir = (): string => inject("fixtureDir");

/** A fresh engine on the fixture package, quiet, on the CPU. */
export function loadFixture(opts: LoadOptions = {}, dir = fixtureDir()): Promise<TTS> {
  return TTS.load(dir, { log: () => {}, cuda: { available: false, reason: "test" }, threads: 1, ...opts });
}

/** A private copy of the fixture package (for tests that modify files). */
export function copyFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), "tts-copy-"));
  cpSync(fixtureDir(), dir, { recursive: true });
  return dir;
}

/** The TTSError a promise (or function) fails with; fails the test if it succeeds or throws something else. */
export async function ttsError(p: Promise<unknown> | (() => unknown)): Promise<TTSError> {
  try {
    await (typeof p === "function" ? p() : p);
  } catch (e) {
    if (e instanceof TTSError) return e;
    throw e;
  }
  throw new Error("expected a TTSError");
}

export const LONG_TEXT = Array.from({ length: 12 }, (_, i) =>
  `Sentence number ${i + 1} is here to keep the engine busy for a while, with a clause or two.`).join(" ");
