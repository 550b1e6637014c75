/**
 * Text → model tokens: `^`, the tokens of each language run, `$`.
 * Fails with TTSError "unsupported_characters" naming what cannot be spoken, and "invalid_text" when
 * nothing speakable is left (empty or only punctuation).
 */
import { TTSError } from "../errors";
import { EnglishFrontEnd } from "./englishFrontEnd";
import type { LanguageCode, LanguageFrontEnd } from "./language";
import { splitLanguageRuns } from "./languageRuns";
import { BOS, EOS, PUNCTUATION, symbolId, WORD_BOUNDARY } from "./symbols";
import { foldUnicode } from "./textNormalizer";

export type PhonemizerOptions = {
  /** Languages the model package speaks (model.json frontend.languages). */
  languages?: readonly LanguageCode[];
  /** Front ends by language; English is built in, Chinese is supplied by inference/frontend/zh. */
  frontEnds?: readonly LanguageFrontEnd[];
};

export type Phonemized = { symbols: string[]; ids: number[] };

const PUNCT = new Set<string>(PUNCTUATION);
const MAX_NAMED = 12;

export class Phonemizer {
  private readonly languages: ReadonlySet<LanguageCode>;
  private readonly frontEnds = new Map<LanguageCode, LanguageFrontEnd>();

  constructor(opts: PhonemizerOptions = {}) {
    this.languages = new Set(opts.languages ?? ["en"]);
    this.frontEnds.set("en", new EnglishFrontEnd());
    for (const fe of opts.frontEnds ?? []) this.frontEnds.set(fe.language, fe);
  }

  /** Symbols of `text`, `^` first and `$` last. */
  phonemize(text: string): string[] {
    const tokens: string[] = [];
    const unsupported = new Set<string>();
    for (const run of splitLanguageRuns(foldUnicode(text))) {
      const fe = this.languages.has(run.language) ? this.frontEnds.get(run.language) : undefined;
      if (!fe) {
        for (const ch of run.text) if (/\p{L}/u.test(ch)) unsupported.add(ch);
        continue;
      }
      const out = fe.phonemize(run.text);
      out.unsupported.forEach((c) => unsupported.add(c));
      if (out.tokens.length === 0) continue;
      const prev = tokens[tokens.length - 1];
      const startsWithPunct = PUNCT.has(out.tokens[0]!);
      if (prev !== undefined && prev !== WORD_BOUNDARY && !startsWithPunct) tokens.push(WORD_BOUNDARY);
      tokens.push(...(startsWithPunct && (prev === undefined || prev === out.tokens[0]) ? out.tokens.slice(1) : out.tokens));
    }
    if (unsupported.size > 0) {
      const chars = [...unsupported];
      const named = chars.slice(0, MAX_NAMED).map((c) => JSON.stringify(c)).join(", ");
      const more = chars.length > MAX_NAMED ? ` and ${chars.length - MAX_NAMED} more` : "";
      throw new TTSError("unsupported_characters", `this voice cannot speak these characters: ${named}${more}`);
    }
    if (!tokens.some((t) => t !== WORD_BOUNDARY && !PUNCT.has(t))) {
      throw new TTSError("invalid_text", "the text contains nothing to speak");
    }
    return [BOS, ...tokens, EOS];
  }

  encode(text: string): Phonemized {
    const symbols = this.phonemize(text);
    return { symbols, ids: symbols.map(symbolId) };
  }
}
