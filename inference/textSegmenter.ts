/**
 * Splits text into segments the models take one at a time: sentences first, then sentences longer
 * than `maxTokens` phoneme tokens at clause marks (, ; :), then at word boundaries (or between Han
 * characters). Each segment comes with its phoneme symbols, so the text is phonemized once.
 */
import { TTSError } from "./errors";
import type { Phonemizer } from "./frontend/phonemizer";
import { PUNCTUATION, WORD_BOUNDARY } from "./frontend/symbols";

export type Segment = { text: string; symbols: string[] };

// Words whose trailing period does not end a sentence.
const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "e.g", "i.e", "no", "inc", "ltd", "co", "corp",
  "mt", "ave", "capt", "sgt", "lt", "col", "gen", "rev", "gov", "sen", "dept", "fig", "approx", "jan", "feb", "mar",
  "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
]);
const HAN = /\p{Script=Han}/u;
const TERMINAL = /[.?!…。！？]/u;
const CLOSERS = /[.?!…。！？"'”’)\]」』]/u;

/** Sentence split that keeps "Dr. Smith", "J. R. Tolkien" and "3.5" together. */
export function splitSentences(text: string): string[] {
  const chars = [...text];
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < chars.length; i++) {
    if (!TERMINAL.test(chars[i]!)) continue;
    let end = i + 1;
    while (end < chars.length && CLOSERS.test(chars[end]!)) end++;
    const next = chars[end];
    const prevWord = /([A-Za-z.]+)$/.exec(chars.slice(start, i).join(""))?.[1]?.toLowerCase() ?? "";
    const isAbbrev = chars[i] === "." && (ABBREVIATIONS.has(prevWord) || /^[a-z]$/.test(prevWord));
    const cjk = HAN.test(chars[i - 1] ?? "") || /[。！？]/u.test(chars[i]!);
    const boundary = next === undefined || (/\s/.test(next) && !isAbbrev) || (cjk && !/\s/.test(next ?? ""));
    if (!boundary) continue;
    out.push(chars.slice(start, end).join("").trim());
    start = end;
    i = end - 1;
  }
  out.push(chars.slice(start).join("").trim());
  return out.filter(Boolean);
}

const PUNCT = new Set<string>(PUNCTUATION);

export class TextSegmenter {
  constructor(private readonly phonemizer: Phonemizer, private readonly maxTokens: number) {}

  /** Segments with their symbols; fails on unspeakable characters (all named) or nothing to speak. */
  split(text: string): Segment[] {
    const segments: Segment[] = [];
    const unsupported = new Set<string>();
    for (const sentence of splitSentences(text)) {
      try {
        segments.push(...this.fit(sentence));
      } catch (e) {
        if (!(e instanceof TTSError)) throw e;
        if (e.code === "unsupported_characters") this.collectUnsupported(sentence, unsupported);
        else if (e.code !== "invalid_text") throw e; // a sentence of bare punctuation is skipped
      }
    }
    if (unsupported.size > 0) {
      const named = [...unsupported].slice(0, 12).map((c) => JSON.stringify(c)).join(", ");
      const more = unsupported.size > 12 ? ` and ${unsupported.size - 12} more` : "";
      throw new TTSError("unsupported_characters", `this voice cannot speak these characters: ${named}${more}`);
    }
    if (segments.length === 0) throw new TTSError("invalid_text", "the text contains nothing to speak");
    return segments;
  }

  private collectUnsupported(sentence: string, into: Set<string>): void {
    for (const ch of new Set(sentence)) {
      try {
        this.phonemizer.phonemize(`a ${ch}`);
      } catch (e) {
        if (e instanceof TTSError && e.code === "unsupported_characters") into.add(ch);
      }
    }
  }

  /** One sentence → one or more segments of at most maxTokens tokens (plus ^ and $). */
  private fit(sentence: string): Segment[] {
    const symbols = this.phonemizer.phonemize(sentence);
    if (symbols.length - 2 <= this.maxTokens) return [{ text: sentence, symbols }];
    const clauses = sentence.split(/(?<=[,;:])\s+|(?<=[，；：])/u).filter((c) => c.trim());
    if (clauses.length > 1) return this.pack(clauses, " ");
    const words = sentence.includes(" ") ? sentence.split(/\s+/) : [...sentence];
    if (words.length > 1) return this.pack(words, sentence.includes(" ") ? " " : "");
    return [{ text: sentence, symbols }]; // one enormous word: let the model have it
  }

  /** Greedily joins pieces while the joined text stays within maxTokens. */
  private pack(pieces: string[], sep: string): Segment[] {
    const out: Segment[] = [];
    let current = "";
    for (const piece of pieces) {
      const candidate = current ? `${current}${sep}${piece}` : piece;
      if (current && this.tokens(candidate) > this.maxTokens) {
        out.push(...this.fit(current));
        current = piece;
      } else {
        current = candidate;
      }
    }
    if (current) out.push(...this.fit(current));
    return out;
  }

  private tokens(text: string): number {
    try {
      return this.phonemizer.phonemize(text).length - 2;
    } catch {
      return 0; // bare punctuation piece: free
    }
  }
}

/** Counts phoneme symbols and pause (punctuation) tokens of a segment, for the step schedule. */
export function segmentComplexity(symbols: readonly string[]): { phonemes: number; pauses: number } {
  let phonemes = 0;
  let pauses = 0;
  for (const s of symbols.slice(1, -1)) {
    if (PUNCT.has(s)) pauses++;
    else if (s !== WORD_BOUNDARY) phonemes++;
  }
  return { phonemes, pauses };
}
