import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeWav } from "../../inference/index";
import { fixtureDir } from "./helpers";

const run = (script: string, args: string[]) =>
  spawnSync("npx", ["--no-install", "tsx", script, ...args], { encoding: "utf8", env: { ...process.env, TTS_THREADS: "1" } });

describe("npm run tts (inference/cli.ts)", () => {
  it("writes a WAV file and exits 0", () => {
    const out = join(mkdtempSync(join(tmpdir(), "tts-cli-")), "out.wav");
    const r = run("inference/cli.ts", ["--text", "Hello from the command line.", "--out", out, "--model", fixtureDir(),
      "--emotion", "joyful", "--emotion-weight", "0.8", "--speed", "1.2", "--steps", "3", "--seed", "4"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/wrote .*out\.wav/);
    const wav = decodeWav(new Uint8Array(readFileSync(out)));
    expect(wav.sampleRate).toBe(22050);
    expect(wav.samples.length).toBeGreaterThan(0);
  }, 60_000);

  it("exits 2 with a clear message on bad input", () => {
    const cases: Array<[string[], RegExp]> = [
      [["--out", "/tmp/x.wav"], /--text is required/],
      [["--text", "hi", "--out", "/tmp/x.wav", "--emotion-vector", "1,0"], /invalid_emotion_vector/],
      [["--text", "...", "--out", "/tmp/x.wav"], /invalid_text/],
      [["--text", "hi", "--bogus"], /Unknown option/],
    ];
    for (const [args, message] of cases) {
      const r = run("inference/cli.ts", [...args, "--model", fixtureDir()]);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toMatch(message);
    }
  }, 120_000);
});

describe("npm run benchmark (inference/benchmark.ts)", () => {
  it("prints the figures and, with --json, one JSON object on the last line", () => {
    const r = run("inference/benchmark.ts", ["--model", fixtureDir(), "--text", "A short benchmark sentence. And another one.",
      "--emotion", "joyful", "--repeat", "3", "--warmup", "0", "--batch_size", "2", "--concurrency", "2", "--steps", "4", "--json"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/latency ms: mean/);
    const report = JSON.parse(r.stdout.trim().split("\n").pop()!) as Record<string, any>;
    expect(report).toMatchObject({ device: "cpu", precision: "fp32", steps: 4, batch_size: 2, concurrency: 2, repeat: 3, emotion: "joyful" });
    for (const k of ["mean", "std", "p50", "p95"]) expect(report.latency_ms[k]).toBeGreaterThanOrEqual(0);
    for (const k of ["frontend", "spectrogram", "vocoder"]) expect(report.stages_ms[k]).toBeGreaterThanOrEqual(0);
    expect(report.rtf).toBeGreaterThan(0);
    expect(report.audio_seconds).toBeGreaterThan(0);
    expect(report.peak_rss_mb).toBeGreaterThan(10);
    expect(report.cold_start_ms).toBeGreaterThan(0);
    expect(report.gflop_per_audio_s.spectrogram).toBeGreaterThan(0);
    expect(report.gflop_per_audio_s.vocoder).toBeGreaterThan(0);
    expect(report.matmul_peak_gflops).toBeGreaterThan(0.1);
    expect(report.peak_fraction).toBeGreaterThan(0);
    expect(report.peak_fraction).toBeLessThan(1);
  }, 120_000);
});
