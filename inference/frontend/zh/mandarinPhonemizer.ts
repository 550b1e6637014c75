/**
 * A Chinese language run → phoneme symbols of `index-tts-web/phonemes@1`.
 *
 * Output contract (same as the English phonemizer): syllables of one word follow each other directly,
 * `" "` separates words, a punctuation token (`, . ? ! ; : - …`) replaces the boundary where it stands,
 * and the caller adds `^` … `$`. Example: 你好，世界。→ zh:n zh:i2 zh:h zh:ao3 , zh:sh zh:iii4 zh:j zh:ie4 .
 */
import { TTSError } from "../../errors.js";
import { normalizeChinese } from "./chineseNormalizer.js";
import { toPinyin, unreadableHanzi } from "./pinyin.js";
import { pinyinToSymbols } from "./pinyinToSymbols.js";

export { normalizeChinese };

const SPEAKABLE_RE = /[\p{Script=Han}〇,.?!;:\-…]/u;

/** Throws TTSError("unsupported_characters") naming every character the Mandarin front end cannot read. */
function assertSpeakable(normalized: string): void {
  const bad = new Set([...normalized].filter((c) => !SPEAKABLE_RE.test(c)));
  for (const c of unreadableHanzi(normalized)) bad.add(c);
  if (bad.size) {
    const list = [...bad].map((c) => JSON.stringify(c)).join(", ");
    throw new TTSError("unsupported_characters", `cannot read these characters in Chinese text: ${list}`);
  }
}

/** Chinese text (raw or already normalised; normalisation is idempotent) → symbols without ^ and $. */
export function phonemizeMandarin(text: string): string[] {
  const normalized = normalizeChinese(text);
  assertSpeakable(normalized);
  const out: string[] = [];
  for (const token of toPinyin(normalized)) {
    if ("punctuation" in token) {
      if (out[out.length - 1] === " ") out.pop();
      out.push(token.punctuation);
      continue;
    }
    if (out.length && !/^[,.?!;:\-…]$/.test(out[out.length - 1]!)) out.push(" ");
    for (const s of token.word.syllables) {
      out.push(...pinyinToSymbols(`${s.base}${s.tone}`));
      if (s.erhua) out.push("zh:rr");
    }
  }
  return out;
}
