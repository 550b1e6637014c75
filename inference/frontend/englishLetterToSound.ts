/**
 * Rule-based English letter-to-sound for words CMUdict does not know (after the G2P's morphology and
 * compound splitting failed). Deterministic: the same word always gives the same phonemes.
 *
 * 1. Graphemes → phones, scanning left to right; at each position the first matching rule wins
 *    (rules are ordered longest/most specific first). Vowel phones come out without stress.
 * 2. Stress: one primary stress per word, placed by suffix/prefix rules (see `primaryVowel`);
 *    other vowels get 0, and unstressed short vowels reduce to schwa (AH0) as in CMUdict.
 */

type Ctx = { w: string; i: number };
type Rule = { g: string; p: string; when?: (c: Ctx) => boolean };

const VOWEL_LETTERS = "aeiouy";
const isVowel = (ch: string | undefined): boolean => ch !== undefined && "aeiou".includes(ch);
const isCons = (ch: string | undefined): boolean => ch !== undefined && /[a-z]/.test(ch) && !VOWEL_LETTERS.includes(ch);
const atStart = (c: Ctx): boolean => c.i === 0;
const after = (c: Ctx, len: number): string => c.w.slice(c.i + len);
const atEnd = (len: number) => (c: Ctx): boolean => c.i + len === c.w.length;
const frontVowelNext = (len: number) => (c: Ctx): boolean => /^[eiy]/.test(after(c, len));
// Endings after which a final "e" is still a silent magic e: make(s), made, lately, movement …
const MAGIC_TAIL = /^e(s|d|ly|ment|ful|ness|less|r|rs)?$/;

/** vowel + one consonant + magic e: "make", "hope", "cute". */
const magicE = (c: Ctx): boolean => {
  const cons = c.w[c.i + 1];
  return isCons(cons) && cons !== "w" && cons !== "x" && cons !== "y" && MAGIC_TAIL.test(after(c, 2));
};
const finalSilentE = (c: Ctx): boolean =>
  c.i === c.w.length - 1 && c.i >= 2 && /[aeiouy]/.test(c.w.slice(0, c.i - 1));

const RULES: readonly Rule[] = [
  // Suffix-like letter groups.
  { g: "ation", p: "EY SH AH N" }, { g: "tion", p: "SH AH N" }, { g: "sion", p: "ZH AH N", when: (c) => isVowel(c.w[c.i - 1]) },
  { g: "sion", p: "SH AH N" }, { g: "cian", p: "SH AH N" }, { g: "tial", p: "SH AH L" }, { g: "cial", p: "SH AH L" },
  { g: "tious", p: "SH AH S" }, { g: "cious", p: "SH AH S" }, { g: "ture", p: "CH ER" }, { g: "sure", p: "ZH ER", when: (c) => c.i > 0 },
  { g: "ous", p: "AH S", when: atEnd(3) }, { g: "que", p: "K", when: atEnd(3) }, { g: "gue", p: "G", when: atEnd(3) },
  { g: "le", p: "AH L", when: (c) => c.i > 0 && isCons(c.w[c.i - 1]) && atEnd(2)(c) },
  { g: "es", p: "IH Z", when: (c) => atEnd(2)(c) && /(s|x|z|ch|sh|ge|ce)$/.test(c.w.slice(0, c.i)) },
  { g: "ed", p: "IH D", when: (c) => atEnd(2)(c) && /[td]$/.test(c.w.slice(0, c.i)) },
  { g: "ed", p: "T", when: (c) => atEnd(2)(c) && /(p|k|f|s|x|sh|ch)$/.test(c.w.slice(0, c.i)) && c.i > 2 },
  { g: "ed", p: "D", when: (c) => atEnd(2)(c) && c.i > 2 },
  // Vowel groups.
  { g: "eigh", p: "EY" }, { g: "augh", p: "AO" }, { g: "ough", p: "AO" }, { g: "igh", p: "AY" },
  { g: "eau", p: "OW" }, { g: "ear", p: "IH R", when: atEnd(3) }, { g: "air", p: "EH R" }, { g: "eer", p: "IH R" },
  { g: "are", p: "EH R", when: atEnd(3) }, { g: "ire", p: "AY ER", when: atEnd(3) }, { g: "ore", p: "AO R", when: atEnd(3) },
  { g: "our", p: "AW ER" }, { g: "oor", p: "AO R" },
  { g: "ee", p: "IY" }, { g: "ea", p: "IY" }, { g: "ei", p: "EY" }, { g: "ey", p: "IY", when: atEnd(2) }, { g: "ey", p: "EY" },
  { g: "ie", p: "AY", when: (c) => atEnd(2)(c) && c.w.length <= 4 }, { g: "ie", p: "IY" },
  { g: "oo", p: "UW" }, { g: "ou", p: "AW" }, { g: "ow", p: "AW", when: (c) => /^[nl]/.test(after(c, 2)) },
  { g: "ow", p: "OW" }, { g: "oa", p: "OW" }, { g: "oe", p: "OW", when: atEnd(2) }, { g: "oi", p: "OY" }, { g: "oy", p: "OY" },
  { g: "ai", p: "EY" }, { g: "ay", p: "EY" }, { g: "au", p: "AO" }, { g: "aw", p: "AO" }, { g: "ew", p: "UW" },
  { g: "eu", p: "UW" }, { g: "ue", p: "UW", when: atEnd(2) }, { g: "ui", p: "UW" },
  { g: "ar", p: "AA R", when: (c) => !isVowel(c.w[c.i + 2]) && c.w[c.i + 2] !== "r" },
  { g: "er", p: "ER", when: (c) => !isVowel(c.w[c.i + 2]) && c.w[c.i + 2] !== "r" },
  { g: "ir", p: "ER", when: (c) => !isVowel(c.w[c.i + 2]) && c.w[c.i + 2] !== "r" },
  { g: "ur", p: "ER", when: (c) => !isVowel(c.w[c.i + 2]) && c.w[c.i + 2] !== "r" },
  { g: "or", p: "AO R", when: (c) => !isVowel(c.w[c.i + 2]) && c.w[c.i + 2] !== "r" },
  { g: "a", p: "EY", when: magicE }, { g: "e", p: "IY", when: magicE }, { g: "i", p: "AY", when: magicE },
  { g: "o", p: "OW", when: magicE }, { g: "u", p: "UW", when: magicE }, { g: "y", p: "AY", when: magicE },
  { g: "e", p: "", when: finalSilentE },
  { g: "e", p: "", when: (c) => /^[sd]$/.test(after(c, 1)) && c.i >= 2 && magicE({ w: c.w, i: c.i - 2 }) },
  { g: "a", p: "AH", when: atEnd(1) }, { g: "o", p: "OW", when: atEnd(1) }, { g: "i", p: "IY", when: atEnd(1) },
  { g: "u", p: "UW", when: atEnd(1) }, { g: "e", p: "IY", when: (c) => atEnd(1)(c) },
  { g: "y", p: "Y", when: (c) => atStart(c) && isVowel(c.w[1]) },
  { g: "y", p: "AY", when: (c) => atEnd(1)(c) && !/[aeiou]/.test(c.w.slice(0, c.i)) },
  { g: "y", p: "IY", when: atEnd(1) }, { g: "y", p: "IH", when: (c) => !isVowel(c.w[c.i + 1]) },
  { g: "y", p: "Y" },
  { g: "a", p: "AE" }, { g: "e", p: "EH" }, { g: "i", p: "IH" }, { g: "o", p: "AA" }, { g: "u", p: "AH" },
  // Consonants.
  { g: "tch", p: "CH" }, { g: "dge", p: "JH" }, { g: "sch", p: "S K" }, { g: "chr", p: "K R", when: atStart },
  { g: "ch", p: "CH" }, { g: "sh", p: "SH" }, { g: "ph", p: "F" }, { g: "th", p: "TH" }, { g: "wh", p: "W" },
  { g: "wr", p: "R", when: atStart }, { g: "kn", p: "N", when: atStart }, { g: "gn", p: "N", when: (c) => atStart(c) || atEnd(2)(c) },
  { g: "ps", p: "S", when: atStart }, { g: "mb", p: "M", when: atEnd(2) }, { g: "ck", p: "K" }, { g: "ng", p: "NG" },
  { g: "nk", p: "NG K" }, { g: "qu", p: "K W" }, { g: "gh", p: "G", when: atStart }, { g: "gh", p: "" },
  { g: "cc", p: "K S", when: frontVowelNext(2) }, { g: "cc", p: "K" },
  { g: "x", p: "Z", when: atStart }, { g: "x", p: "K S" },
  { g: "c", p: "S", when: frontVowelNext(1) }, { g: "c", p: "K" },
  { g: "g", p: "JH", when: (c) => frontVowelNext(1)(c) && c.i > 0 }, { g: "gg", p: "G" }, { g: "g", p: "G" },
  { g: "s", p: "Z", when: (c) => c.i > 0 && isVowel(c.w[c.i - 1]) && isVowel(c.w[c.i + 1]) },
  { g: "s", p: "Z", when: (c) => atEnd(1)(c) && c.i > 0 && /[bdglmnrvwaeiouy]/.test(c.w[c.i - 1]!) },
  ...["bb", "dd", "ff", "ll", "mm", "nn", "pp", "rr", "ss", "tt", "zz"].map((g) => ({ g, p: g[0]!.toUpperCase() })),
  { g: "b", p: "B" }, { g: "d", p: "D" }, { g: "f", p: "F" }, { g: "h", p: "HH" }, { g: "j", p: "JH" },
  { g: "k", p: "K" }, { g: "l", p: "L" }, { g: "m", p: "M" }, { g: "n", p: "N" }, { g: "p", p: "P" },
  { g: "q", p: "K" }, { g: "r", p: "R" }, { g: "s", p: "S" }, { g: "t", p: "T" }, { g: "v", p: "V" },
  { g: "w", p: "W" }, { g: "z", p: "Z" },
];

const RULES_BY_LETTER = new Map<string, Rule[]>();
for (const r of RULES) {
  const list = RULES_BY_LETTER.get(r.g[0]!) ?? [];
  list.push(r);
  RULES_BY_LETTER.set(r.g[0]!, list);
}

const VOWEL_PHONES = new Set(["AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY", "UH", "UW"]);
const REDUCIBLE = new Set(["AA", "AE", "AH", "AO", "EH"]);

// Suffixes that put the primary stress on the syllable just before them.
const PRE_STRESS_SUFFIXES = ["tion", "sion", "cian", "tial", "cial", "ical", "ic", "ity", "ial", "ian", "ious", "eous", "ify", "ual"];
const FINAL_STRESS_SUFFIXES = ["ee", "eer", "oon", "ique", "ette", "ese", "esque"];
const UNSTRESSED_PREFIXES = ["a", "be", "de", "re", "con", "com", "ex", "en", "em", "pre", "pro", "di", "mis", "un", "dis", "in", "im"];

type Phone = { p: string; letter: number };

/** Index (into the vowel list) of the primary stress. */
function primaryVowel(word: string, vowels: Phone[]): number {
  const n = vowels.length;
  if (n <= 1) return 0;
  for (const suf of FINAL_STRESS_SUFFIXES) if (word.endsWith(suf)) return n - 1;
  for (const suf of PRE_STRESS_SUFFIXES) {
    if (!word.endsWith(suf)) continue;
    const start = word.length - suf.length;
    let k = -1;
    vowels.forEach((v, idx) => { if (v.letter < start) k = idx; });
    if (k >= 0) return k;
  }
  const prefix = UNSTRESSED_PREFIXES.filter((p) => word.startsWith(p) && word.length - p.length >= 3)
    .sort((a, b) => b.length - a.length)[0];
  if (n <= 3 && prefix) {
    const k = vowels.findIndex((v) => v.letter >= prefix.length);
    if (k > 0) return k;
  }
  return 0;
}

/** Letter-to-sound for one lowercase word of a–z (apostrophes ignored). */
export function letterToSound(input: string): string[] {
  const w = input.toLowerCase().replace(/[^a-z]/g, "");
  const phones: Phone[] = [];
  for (let i = 0; i < w.length; ) {
    const rule = RULES_BY_LETTER.get(w[i]!)!.find((r) => w.startsWith(r.g, i) && (!r.when || r.when({ w, i })))!;
    // Spread a rule's phones over its letters so "ation" has its vowel before the "tion" boundary.
    rule.p.split(" ").filter(Boolean).forEach((p, k) => phones.push({ p, letter: i + Math.min(k, rule.g.length - 1) }));
    i += rule.g.length;
  }
  const vowels = phones.filter((ph) => VOWEL_PHONES.has(ph.p));
  if (vowels.length === 0) {
    // No vowel letter at all ("brr", "tsk"): a schwa after the first consonant keeps it speakable.
    const cons = phones.map((ph) => ph.p);
    return cons.length ? [cons[0]!, "AH1", ...cons.slice(1)] : [];
  }
  const primary = vowels[primaryVowel(w, vowels)]!;
  return phones.map((ph) => {
    if (!VOWEL_PHONES.has(ph.p)) return ph.p;
    if (ph === primary) return `${ph.p}1`;
    return REDUCIBLE.has(ph.p) ? "AH0" : `${ph.p}0`;
  });
}
