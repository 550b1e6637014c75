/**
 * The phoneme symbol table shared by every model package (`index-tts-web/phonemes@1`).
 * Token id = index in SYMBOLS. Append only: reordering breaks every trained model.
 */
export const FRONTEND_NAME = "index-tts-web/phonemes@1";

export const PAD = "_";
export const BOS = "^";
export const EOS = "$";
export const WORD_BOUNDARY = " ";
export const PUNCTUATION = [",", ".", "?", "!", ";", ":", "-", "…"] as const;

const ARPABET_VOWELS = [
  "AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY", "UH", "UW",
];
const ARPABET_CONSONANTS = [
  "B", "CH", "D", "DH", "F", "G", "HH", "JH", "K", "L", "M", "N", "NG", "P", "R", "S", "SH",
  "T", "TH", "V", "W", "Y", "Z", "ZH",
];
export const ENGLISH_SYMBOLS: readonly string[] = [
  ...ARPABET_VOWELS.flatMap((v) => [`${v}0`, `${v}1`, `${v}2`]),
  ...ARPABET_CONSONANTS,
];

const PINYIN_INITIALS = [
  "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "zh", "ch", "sh", "r", "z", "c", "s",
];
// ii: apical vowel after z/c/s; iii: after zh/ch/sh/r; v = ü.
const PINYIN_FINALS = [
  "a", "o", "e", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "er",
  "i", "ii", "iii", "ia", "ie", "iao", "iou", "ian", "in", "iang", "ing", "iong",
  "u", "ua", "uo", "uai", "uei", "uan", "uen", "uang", "ueng",
  "v", "ve", "van", "vn",
];
export const MANDARIN_SYMBOLS: readonly string[] = [
  ...PINYIN_INITIALS.map((i) => `zh:${i}`),
  ...PINYIN_FINALS.flatMap((f) => [1, 2, 3, 4, 5].map((t) => `zh:${f}${t}`)),
  "zh:rr",
];

export const SYMBOLS: readonly string[] = [
  PAD, BOS, EOS, WORD_BOUNDARY, ...PUNCTUATION, ...ENGLISH_SYMBOLS, ...MANDARIN_SYMBOLS,
];

const SYMBOL_TO_ID = new Map(SYMBOLS.map((s, i) => [s, i]));

/** Token id of a symbol; throws on a symbol outside the table (a front-end bug, not user input). */
export function symbolId(symbol: string): number {
  const id = SYMBOL_TO_ID.get(symbol);
  if (id === undefined) throw new Error(`unknown phoneme symbol ${JSON.stringify(symbol)}`);
  return id;
}
