/**
 * Splits text into runs of one language. Han characters are Chinese, everything else is English;
 * neutral characters (digits, spaces, punctuation, symbols) join the run before them (or the first run,
 * at the start) so "今天是2024年" stays one Chinese run and "I paid $5" one English run.
 */
import type { LanguageCode } from "./language";

export type LanguageRun = { language: LanguageCode; text: string };

const HAN = /[\p{Script=Han}\u3007]/u;
const LATIN_OR_OTHER_LETTER = /\p{L}/u;

function classify(ch: string): LanguageCode | null {
  if (HAN.test(ch)) return "zh";
  if (LATIN_OR_OTHER_LETTER.test(ch)) return "en";
  return null;
}

export function splitLanguageRuns(text: string): LanguageRun[] {
  const runs: LanguageRun[] = [];
  let pending = ""; // neutral characters before the first letter
  for (const ch of text) {
    const lang = classify(ch);
    const last = runs[runs.length - 1];
    if (lang === null) {
      if (last) last.text += ch;
      else pending += ch;
    } else if (last && last.language === lang) {
      last.text += ch;
    } else {
      runs.push({ language: lang, text: pending + ch });
      pending = "";
    }
  }
  if (pending) runs.push({ language: "en", text: pending });
  return runs;
}
