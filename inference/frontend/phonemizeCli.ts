/**
 * Batch phonemizer for the training recipe (one front end for training and inference).
 *
 *   npx tsx inference/frontend/phonemizeCli.ts [--languages en,zh] < in.jsonl > out.jsonl
 *     in:  {"id": "...", "text": "..."} per line
 *     out: {"id": "...", "symbols": [...], "ids": [...]} or {"id": "...", "error": {"code", "message"}}
 *   npx tsx inference/frontend/phonemizeCli.ts --symbols   → the SYMBOLS table as one JSON array
 */
import { createInterface } from "node:readline";
import { isTTSError } from "../errors";
import type { LanguageCode } from "./language";
import { createPhonemizer } from "./createPhonemizer";
import { FRONTEND_NAME, SYMBOLS } from "./symbols";

function parseLanguages(argv: string[]): LanguageCode[] {
  const i = argv.indexOf("--languages");
  if (i < 0) return ["en"];
  const list = (argv[i + 1] ?? "").split(",").filter(Boolean);
  for (const l of list) if (l !== "en" && l !== "zh") throw new Error(`unknown language ${JSON.stringify(l)}`);
  return list as LanguageCode[];
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes("--help")) {
    process.stdout.write("usage: phonemizeCli.ts [--symbols] [--languages en,zh] < in.jsonl > out.jsonl\n");
    return 0;
  }
  if (argv.includes("--symbols")) {
    process.stdout.write(`${JSON.stringify(SYMBOLS)}\n`);
    return 0;
  }
  const phonemizer = await createPhonemizer(parseLanguages(argv));
  process.stderr.write(`phonemizer ${FRONTEND_NAME}: reading JSON lines on stdin\n`);
  const out: string[] = [];
  const flush = async (): Promise<void> => {
    if (out.length === 0) return;
    const chunk = `${out.join("\n")}\n`;
    out.length = 0;
    if (!process.stdout.write(chunk)) await new Promise((r) => process.stdout.once("drain", r));
  };
  let bad = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    let id: unknown = null;
    try {
      const rec = JSON.parse(line) as { id?: unknown; text?: unknown };
      id = rec.id ?? null;
      if (typeof rec.text !== "string") throw new TypeError('each line needs a string "text"');
      const { symbols, ids } = phonemizer.encode(rec.text);
      out.push(JSON.stringify({ id, symbols, ids }));
    } catch (e) {
      bad++;
      const error = isTTSError(e)
        ? { code: e.code, message: e.message }
        : { code: "invalid_input", message: e instanceof Error ? e.message : String(e) };
      out.push(JSON.stringify({ id, error }));
    }
    if (out.length >= 512) await flush();
  }
  await flush();
  if (bad > 0) process.stderr.write(`phonemizer: ${bad} line(s) failed (see "error" fields)\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    process.stderr.write(`phonemizeCli: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
