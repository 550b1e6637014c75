/**
 * A Chinese language run → phoneme symbols of `index-tts-web/phonemes@1`.
 *
 * Token layout (shared with the English front end, see englishFrontEnd.ts): the syllables of one word
 * follow each other directly, " " separates words, punctuation (`, . ? ! ; : - …`) comes directly after
 * the word it follows and a " " follows it before the next word; the caller adds `^` … `$`.
 * 你好，世界。→ zh:n zh:i2 zh:h zh:ao3 , " " zh:sh zh:iii4 zh:j zh:ie4 .
 */
import { TTSError } from "../../errors";
import type { LanguageFrontEnd } from "../language";
import { PUNCTUATION, WORD_BOUNDARY } from "../symbols";
import { normalizeChinese } from "./chineseNormalizer";
import { type Syllable, toPinyin, unreadableHanzi } from "./pinyin";
import { pinyinToSymbols } from "./pinyinToSymbols";

export { normalizeChinese };

const PUNCT = new Set<string>(PUNCTUATION);
const SPEAKABLE_RE = /[\p{Script=Han}〇,.?!;:\-…]/u;

/** Symbols of one syllable, or null when its reading is not a Mandarin syllable (so the character is reported, not a crash). */
function symbolsOf(s: Syllable): string[] | null {
  try {
    return pinyinToSymbols(`${s.base}${s.tone}`);
  } catch {
    return null;
  }
}

/** Tokens of the speakable part of a Chinese run and the characters it had to leave out. */
export function mandarinTokens(text: string): { tokens: string[]; unsupported: string[] } {
  const normalized = normalizeChinese(text);
  const unsupported = new Set([...normalized].filter((c) => !SPEAKABLE_RE.test(c)));
  for (const c of unreadableHanzi(normalized)) unsupported.add(c);
  const speakable = [...normalized].filter((c) => !unsupported.has(c)).join("");
  const tokens: string[] = [];
  for (const token of toPinyin(speakable)) {
    if ("punctuation" in token) {
      if (tokens.length && !PUNCT.has(tokens[tokens.length - 1]!)) tokens.push(token.punctuation);
      continue;
    }
    if (tokens.length) tokens.push(WORD_BOUNDARY);
    for (const s of token.word.syllables) {
      const symbols = symbolsOf(s);
      if (!symbols) unsupported.add(s.hanzi);
      else tokens.push(...symbols, ...(s.erhua ? ["zh:rr"] : []));
    }
  }
  return { tokens, unsupported: [...unsupported] };
}

/** Chinese text (raw or already normalised) → symbols without ^ and $; TTSError naming unreadable characters. */
export function phonemizeMandarin(text: string): string[] {
  const { tokens, unsupported } = mandarinTokens(text);
  if (unsupported.length) {
    const list = unsupported.map((c) => JSON.stringify(c)).join(", ");
    throw new TTSError("unsupported_characters", `cannot read these characters in Chinese text: ${list}`);
  }
  return tokens;
}

/** The Chinese plug-in of the phonemizer (`new Phonemizer({ languages: ["en", "zh"], frontEnds: [new MandarinFrontEnd()] })`). */
export class MandarinFrontEnd implements LanguageFrontEnd {
  readonly language = "zh" as const;
  phonemize(run: string): { tokens: string[]; unsupported: string[] } {
    return mandarinTokens(run);
  }
}
