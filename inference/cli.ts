/**
 * Command-line synthesis:
 *   npm run tts -- --text "Hello." --out out.wav [--emotion NAME | --emotion-vector a,b,c,d,e,f,g,h]
 *     [--emotion-weight W] [--voice ID] [--speed X] [--steps N|auto] [--seed N] [--temperature T] [--model DIR]
 * Exit status: 0 ok, 2 bad input (message on stderr), 1 anything else (e.g. model unavailable).
 */
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { encodeWav, isTTSError, TTS, TTSError } from "./index";
import type { SynthesisOptions } from "./synthesisOptions";

const USAGE = `usage: npm run tts -- --text "..." --out out.wav [--emotion NAME | --emotion-vector a,b,c,d,e,f,g,h]
  [--emotion-weight W] [--voice ID] [--speed X] [--steps N|auto] [--seed N] [--temperature T] [--model DIR]`;

class UsageError extends Error {}

function num(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === "" || !Number.isFinite(n)) throw new UsageError(`--${name} must be a number (got ${JSON.stringify(v)})`);
  return n;
}

function parse(argv: string[]): { text: string; out: string; model?: string; opts: SynthesisOptions } {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      text: { type: "string" }, out: { type: "string" }, emotion: { type: "string" }, "emotion-vector": { type: "string" },
      "emotion-weight": { type: "string" }, voice: { type: "string" }, speed: { type: "string" }, steps: { type: "string" },
      seed: { type: "string" }, temperature: { type: "string" }, model: { type: "string" }, help: { type: "boolean" },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (values.text === undefined) throw new UsageError("--text is required");
  if (!values.out) throw new UsageError("--out is required");
  const vector = values["emotion-vector"]?.split(",").map((x, i) => {
    const n = Number(x);
    if (x.trim() === "" || !Number.isFinite(n)) throw new UsageError(`--emotion-vector value ${i + 1} is not a number`);
    return n;
  });
  const opts: SynthesisOptions = {
    voice: values.voice, emotion: values.emotion, emotionVector: vector,
    emotionWeight: num("emotion-weight", values["emotion-weight"]), speed: num("speed", values.speed),
    steps: values.steps === "auto" ? "auto" : num("steps", values.steps), seed: num("seed", values.seed),
    temperature: num("temperature", values.temperature),
  };
  return { text: values.text, out: values.out, model: values.model, opts };
}

async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const tts = await TTS.load(args.model, {});
  try {
    const r = await tts.synthesize(args.text, args.opts);
    await writeFile(args.out, encodeWav(r.audio, r.sampleRate));
    const secs = r.audio.length / r.sampleRate;
    process.stderr.write(
      `wrote ${args.out}: ${secs.toFixed(2)} s of audio, ${r.segments.length} segment(s), ${r.steps} steps, ` +
      `${r.timings.totalMs.toFixed(0)} ms (load ${r.timings.loadMs.toFixed(0)} ms), RTF ${((r.timings.totalMs - r.timings.loadMs) / 1000 / secs).toFixed(3)}, ` +
      `${r.device}/${r.precision}\n`,
    );
    return 0;
  } finally {
    await tts.dispose();
  }
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    if (isTTSError(e)) {
      process.stderr.write(`error (${e.code}): ${e.message}\n`);
      process.exitCode = e.status < 500 && e.code !== "model_unavailable" ? 2 : 1;
    } else {
      process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = e instanceof TTSError ? 2 : 1;
    }
  },
);
