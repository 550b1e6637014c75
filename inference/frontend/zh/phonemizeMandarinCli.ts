/**
 * Batch phonemizer for the Mandarin training corpus, until phonemizeCli.ts registers the Chinese front end
 * (its `--languages zh` builds a Phonemizer without MandarinFrontEnd, so every Hanzi is "unsupported").
 * Builds the phonemizer exactly as TTS.load does for a package whose languages are zh + en, so training
 * tokens equal inference tokens, mixed Chinese/English text included.
 *
 *   npx tsx inference/frontend/zh/phonemizeMandarinCli.ts < in.jsonl > out.jsonl
 *     in:  {"id": "...", "text": "..."} per line
 *     out: {"id": "...", "symbols": ["^", ..., "$"], "ids": [...]} or {"id": "...", "error": {"code", "message"}}
 */
import { createInterface } from "node:readline";
import { isTTSError } from "../../errors";
import { Phonemizer } from "../phonemizer";
import { MandarinFrontEnd } from "./mandarinPhonemizer";

async function main(): Promise<void> {
  const phonemizer = new Phonemizer({ languages: ["zh", "en"], frontEnds: [new MandarinFrontEnd()] });
  let bad = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    let id: unknown = null;
    let out: string;
    try {
      const rec = JSON.parse(line) as { id?: unknown; text?: unknown };
      id = rec.id ?? null;
      if (typeof rec.text !== "string") throw new TypeError('each line needs a string "text"');
      out = JSON.stringify({ id, ...phonemizer.encode(rec.text) });
    } catch (e) {
      bad++;
      const error = isTTSError(e)
        ? { code: e.code, message: e.message }
        : { code: "invalid_input", message: e instanceof Error ? e.message : String(e) };
      out = JSON.stringify({ id, error });
    }
    if (!process.stdout.write(`${out}\n`)) await new Promise((r) => process.stdout.once("drain", r));
  }
  if (bad > 0) process.stderr.write(`phonemizeMandarinCli: ${bad} line(s) failed (see "error" fields)\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`phonemizeMandarinCli: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
});
