/**
 * English front end: normalise one English run, split it into words and punctuation, look the words up.
 * Token layout (shared with the Chinese front end): words separated by " ", punctuation directly after
 * the word it follows, a " " after punctuation before the next word; punctuation before the first word
 * is dropped and repeated marks are collapsed ("!!!" → "!").
 */
import type { LanguageFrontEnd } from "./language";
import { EnglishG2p } from "./englishG2p";
import { normalizeEnglish } from "./textNormalizer";
import { PUNCTUATION, WORD_BOUNDARY } from "./symbols";

const PUNCT = new Set<string>(PUNCTUATION);
// Initials ("P.M", "U.S", see textNormalizer.ts), words with inner apostrophes, single marks, hyphens, other characters.
const TOKEN_RE = /([A-Za-z](?:\.[A-Za-z])+)|([A-Za-z]+(?:'[A-Za-z]+)*)|([,.?!;:…-])|(['\s])|(.)/gsu;

export class EnglishFrontEnd implements LanguageFrontEnd {
  readonly language = "en" as const;
  private readonly g2p = new EnglishG2p();

  phonemize(run: string): { tokens: string[]; unsupported: string[] } {
    const text = normalizeEnglish(run);
    const tokens: string[] = [];
    const unsupported = new Set<string>();
    let sawWord = false;
    let last: "word" | "punct" | null = null;
    for (const m of text.matchAll(TOKEN_RE)) {
      const [, initials, word, punct, , other] = m;
      if (initials || word) {
        const phones = this.g2p.word(initials ?? word!);
        if (phones.length === 0) continue;
        if (last !== null) tokens.push(WORD_BOUNDARY);
        tokens.push(...phones);
        sawWord = true;
        last = "word";
      } else if (punct) {
        // A hyphen inside a word ("well-known") is only a word boundary.
        if (punct === "-" && /[A-Za-z]/.test(text[m.index - 1] ?? "") && /[A-Za-z]/.test(text[m.index + 1] ?? "")) continue;
        if (!sawWord || !PUNCT.has(punct) || tokens[tokens.length - 1] === punct) continue;
        tokens.push(punct);
        last = "punct";
      } else if (other) {
        unsupported.add(other);
      }
    }
    return { tokens, unsupported: [...unsupported] };
  }
}
