/**
 * One pinyin syllable with a tone digit ("zhuang1", "lv4", "nü3", "er2", "de5") → `zh:` symbols of the
 * phoneme table: [initial?, final+tone]. Spelling conventions of written pinyin are undone here so the
 * model sees one symbol per sound: y/w are not initials (ya → ia, wu → u), ü is written u after j/q/x/y
 * (ju → v), iu/ui/un abbreviate iou/uei/uen, and the "i" after z/c/s and zh/ch/sh/r is a different vowel
 * (ii, iii). Tone 0 (pinyin-pro's neutral) and 5 both mean neutral tone → 5.
 */
import { MANDARIN_SYMBOLS } from "../symbols";

const INITIALS = ["zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s"];

// Syllables spelled with y/w (no initial) → their finals.
const Y_W_FINALS: Record<string, string> = {
  yi: "i", ya: "ia", yo: "iou", ye: "ie", yao: "iao", you: "iou", yan: "ian", yin: "in", yang: "iang",
  ying: "ing", yong: "iong", yu: "v", yue: "ve", yuan: "van", yun: "vn",
  wu: "u", wa: "ua", wo: "uo", wai: "uai", wei: "uei", wan: "uan", wen: "uen", wang: "uang", weng: "ueng",
};
// Syllabic nasals and interjection spellings → the nearest final of the table.
const SPECIAL_FINALS: Record<string, string> = { n: "en", ng: "en", m: "en", hm: "en", hng: "en", ê: "e" };

const KNOWN = new Set(MANDARIN_SYMBOLS);

/** Splits a syllable into its tone (1–5) and toneless lowercase spelling with ü written as v. */
function splitTone(syllable: string): { base: string; tone: number } {
  const m = /^([a-zü:ê]+)([0-5])?$/.exec(syllable.toLowerCase().replace(/u:/g, "v").replace(/ü/g, "v"));
  if (!m) throw new Error(`not a numbered pinyin syllable: ${JSON.stringify(syllable)}`);
  const tone = m[2] === undefined || m[2] === "0" ? 5 : Number(m[2]);
  return { base: m[1]!, tone };
}

function finalAfter(initial: string, rest: string): string {
  if ((initial === "j" || initial === "q" || initial === "x") && rest.startsWith("u")) return `v${rest.slice(1)}`;
  if (rest === "i" && (initial === "z" || initial === "c" || initial === "s")) return "ii";
  if (rest === "i" && (initial === "zh" || initial === "ch" || initial === "sh" || initial === "r")) return "iii";
  if (rest === "iu") return "iou";
  if (rest === "ui") return "uei";
  if (rest === "un") return "uen";
  return rest;
}

/** Phonotactics the spelling rules rely on: j/q/x only before i/ü, ü only after j/q/x/n/l (or alone). */
function possible(initial: string, final: string): boolean {
  if (/^[jqx]$/.test(initial)) return /^[iv]/.test(final) && final !== "ii" && final !== "iii";
  if (final.startsWith("v")) return initial === "" || initial === "n" || initial === "l";
  return true;
}

/** "zhuang1" → ["zh:zh", "zh:uang1"]; "yu2" → ["zh:v2"]; throws on a spelling that is not Mandarin. */
export function pinyinToSymbols(syllable: string): string[] {
  const { base, tone } = splitTone(syllable);
  let initial = "";
  let final: string;
  if (base in Y_W_FINALS) final = Y_W_FINALS[base]!;
  else if (base in SPECIAL_FINALS) final = SPECIAL_FINALS[base]!;
  else {
    initial = INITIALS.find((i) => base.startsWith(i) && base.length > i.length) ?? "";
    final = finalAfter(initial, base.slice(initial.length));
  }
  if (!possible(initial, final)) throw new Error(`not a Mandarin syllable: ${JSON.stringify(syllable)}`);
  const out = initial ? [`zh:${initial}`, `zh:${final}${tone}`] : [`zh:${final}${tone}`];
  for (const s of out) if (!KNOWN.has(s)) throw new Error(`pinyin ${JSON.stringify(syllable)} maps to unknown symbol ${s}`);
  return out;
}
