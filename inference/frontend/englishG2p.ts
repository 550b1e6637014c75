/**
 * English grapheme-to-phoneme: CMUdict (first pronunciation, stress digits kept), then for unknown
 * words, in order: dotted initials / all-caps acronyms spelled letter by letter, possessives and
 * inflections of known stems (morphology), known prefix + known stem, compounds of two known words,
 * and finally rule-based letter-to-sound (englishLetterToSound.ts). Output symbols are ENGLISH_SYMBOLS.
 */
import { dictionary } from "cmu-pronouncing-dictionary";
import { letterToSound } from "./englishLetterToSound";
import { ENGLISH_SYMBOLS } from "./symbols";

const VALID = new Set(ENGLISH_SYMBOLS);
const MEMO_LIMIT = 20_000;

const LETTER_NAMES: Record<string, string> = {
  a: "EY1", b: "B IY1", c: "S IY1", d: "D IY1", e: "IY1", f: "EH1 F", g: "JH IY1", h: "EY1 CH", i: "AY1",
  j: "JH EY1", k: "K EY1", l: "EH1 L", m: "EH1 M", n: "EH1 N", o: "OW1", p: "P IY1", q: "K Y UW1", r: "AA1 R",
  s: "EH1 S", t: "T IY1", u: "Y UW1", v: "V IY1", w: "D AH1 B AH0 L Y UW0", x: "EH1 K S", y: "W AY1", z: "Z IY1",
};

// Inflectional/derivational suffixes tried against a known stem: [suffix, phones or a rule name].
// "+s" / "+d" choose voicing from the stem's last phone, as English does.
const SUFFIXES: ReadonlyArray<[string, string]> = [
  ["'s", "+s"], ["s'", "+s"], ["es", "+s"], ["s", "+s"], ["ed", "+d"], ["ing", "IH0 NG"], ["ers", "ER0 Z"],
  ["er", "ER0"], ["est", "AH0 S T"], ["ally", "L IY0"], ["ly", "L IY0"], ["ness", "N AH0 S"], ["less", "L AH0 S"], ["ful", "F AH0 L"],
  ["ments", "M AH0 N T S"], ["ment", "M AH0 N T"], ["able", "AH0 B AH0 L"], ["ism", "IH2 Z AH0 M"],
  ["ists", "IH0 S T S"], ["ist", "IH0 S T"], ["ize", "AY2 Z"], ["ish", "IH0 SH"], ["ship", "SH IH2 P"],
  ["hood", "HH UH2 D"], ["y", "IY0"],
];
const PREFIXES: ReadonlyArray<[string, string]> = [
  ["un", "AH0 N"], ["re", "R IY2"], ["pre", "P R IY2"], ["dis", "D IH0 S"], ["mis", "M IH0 S"], ["non", "N AA2 N"],
  ["over", "OW2 V ER0"], ["under", "AH2 N D ER0"], ["out", "AW2 T"], ["anti", "AE2 N T IY0"], ["sub", "S AH2 B"],
  ["inter", "IH2 N T ER0"], ["super", "S UW2 P ER0"], ["semi", "S EH2 M IY0"], ["multi", "M AH2 L T IY0"],
  ["co", "K OW2"], ["self", "S EH2 L F"],
];
const SIBILANTS = new Set(["S", "Z", "SH", "ZH", "CH", "JH"]);
const VOICELESS = new Set(["P", "T", "K", "F", "TH", "S", "SH", "CH"]);

function sSuffix(stem: string[]): string[] {
  const last = stem[stem.length - 1] ?? "";
  if (SIBILANTS.has(last)) return ["IH0", "Z"];
  return [VOICELESS.has(last) ? "S" : "Z"];
}
function dSuffix(stem: string[]): string[] {
  const last = stem[stem.length - 1] ?? "";
  if (last === "T" || last === "D") return ["IH0", "D"];
  return [VOICELESS.has(last) ? "T" : "D"];
}
/** Joins stem and suffix; a doubled consonant across the seam is said once ("still" + "ly"). */
function join(stem: string[], tail: string[]): string[] {
  return stem[stem.length - 1] === tail[0] ? [...stem, ...tail.slice(1)] : [...stem, ...tail];
}
/** Primary stresses of a non-initial compound part become secondary (English compound stress). */
function demote(phones: string[]): string[] {
  return phones.map((p) => p.replace(/1$/, "2"));
}

export class EnglishG2p {
  // Per-instance memo: OOV analysis is the slow path and words repeat a lot in a corpus.
  private readonly memo = new Map<string, string[]>();

  /** Phonemes of one word (letters and apostrophes; initials such as "P.M" are spelled). */
  word(raw: string): string[] {
    const cached = this.memo.get(raw);
    if (cached) return cached;
    const phones = this.analyse(raw);
    // Bounded: a long-running server sees an open-ended vocabulary.
    if (this.memo.size >= MEMO_LIMIT) this.memo.delete(this.memo.keys().next().value!);
    this.memo.set(raw, phones);
    return phones;
  }

  /** Dictionary pronunciation of a lowercase word, or undefined. Comments and variants are dropped. */
  lookup(word: string): string[] | undefined {
    const entry = (dictionary as Record<string, string | undefined>)[word];
    if (entry === undefined || !Object.prototype.hasOwnProperty.call(dictionary, word)) return undefined;
    const phones = entry.split("#")[0]!.trim().split(/\s+/).filter((p) => VALID.has(p));
    return phones.length ? phones : undefined;
  }

  /** Letter names, last letter with the primary stress: "BBC" → B IY2 B IY2 S IY1. */
  spell(letters: string): string[] {
    const chars = [...letters.toLowerCase()].filter((c) => LETTER_NAMES[c]);
    return chars.flatMap((c, i) => {
      const name = LETTER_NAMES[c]!.split(" ");
      return i === chars.length - 1 ? name : demote(name);
    });
  }

  private analyse(raw: string): string[] {
    if (/^[A-Za-z](\.[A-Za-z])+$/.test(raw)) return this.spell(raw);
    const word = raw.toLowerCase().replace(/^'+|'+$/g, "");
    if (!word) return [];
    const known = this.known(word, 2);
    if (known) return known;
    const letters = raw.replace(/'/g, "");
    if (letters.length >= 2 && letters === letters.toUpperCase()) return this.spell(letters);
    if (letters.length === 1) return this.spell(letters);
    return this.compound(word) ?? letterToSound(word);
  }

  /** Dictionary word, or a known word plus affixes (depth bounds the recursion). */
  private known(word: string, depth: number): string[] | undefined {
    const direct = this.lookup(word);
    if (direct || depth === 0) return direct;
    for (const [suf, rule] of SUFFIXES) {
      if (!word.endsWith(suf) || word.length - suf.length < 2) continue;
      if (suf === "ally" && !word.endsWith("ically")) continue; // "-ically" = "-ic" + "-ally"
      const base = word.slice(0, -suf.length);
      for (const stem of this.stemCandidates(base, suf)) {
        const sp = this.known(stem, depth - 1);
        if (!sp) continue;
        const tail = rule === "+s" ? sSuffix(sp) : rule === "+d" ? dSuffix(sp) : rule.split(" ");
        return join(sp, tail);
      }
    }
    for (const [pre, phones] of PREFIXES) {
      if (!word.startsWith(pre) || word.length - pre.length < 3) continue;
      const sp = this.known(word.slice(pre.length), depth - 1);
      if (sp) return [...phones.split(" "), ...sp];
    }
    return undefined;
  }

  /** Spellings the stem may have had before the suffix: as is, with e restored, undoubled, y from i. */
  private stemCandidates(base: string, suffix: string): string[] {
    const out = [base];
    if (/^[aeiy']/.test(suffix) || suffix === "ed" || suffix === "es") {
      out.push(`${base}e`);
      if (/([bdgklmnprtvz])\1$/.test(base)) out.push(base.slice(0, -1));
    }
    if (base.endsWith("i")) out.push(`${base.slice(0, -1)}y`);
    return out;
  }

  /** Two known words ("sunflower" = sun + flower, "bluejays" = blue + jay+s), the most balanced split. */
  private compound(word: string): string[] | undefined {
    let best: { a: string[]; b: string[]; balance: number } | undefined;
    for (let i = 3; i <= word.length - 3; i++) {
      const a = this.lookup(word.slice(0, i));
      if (!a) continue;
      // A short first part ("flo") is only trusted with a plain dictionary word after it.
      const b = this.known(word.slice(i), i < 4 ? 0 : 1);
      if (!b) continue;
      const balance = Math.min(i, word.length - i);
      if (!best || balance > best.balance) best = { a, b, balance };
    }
    return best ? [...best.a, ...demote(best.b)] : undefined;
  }
}
