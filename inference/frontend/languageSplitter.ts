/**
 * Mixed Chinese/English text → runs of one language each, for the matching front end.
 *
 * Han characters make Chinese, Latin letters (with digits, apostrophes, dots and hyphens glued inside a
 * word: MP3, don't, e-mail) make English; everything else (digits, spaces, punctuation, symbols) is neutral
 * and joins a neighbour: the run on both sides if they agree, else the part up to a pause mark stays with
 * the run before it ("Hello, 你好", "I ran 5 km, 然后") and the rest goes to a Chinese run after it
 * ("用 Zoom 3 个小时") or to the side it is glued to; digits glued to letters are English ("3D", "MP3"). A unit written after a number (5km, 3 kg) is neutral too, so the Chinese normaliser
 * reads it in Chinese text and the English one in English text. Whitespace at run edges is dropped.
 * "我们明天用 Zoom 开会，时间是 3:30。" → zh 我们明天用 · en Zoom · zh 开会，时间是 3:30。
 */
import type { LanguageCode as Language } from "./language";
import { CHINESE_UNIT_SOURCE } from "./zh/chineseNormalizer";

/** Same shape as languageRuns.ts, so the phonemizer can use either splitter. */
export type LanguageRun = { language: Language; text: string };

const HAN = "\\p{Script=Han}〇";
const LATIN = "A-Za-z\\uFF21-\\uFF3A\\uFF41-\\uFF5A";
const NUMBER_UNIT = `\\d+(?:\\.\\d+)?\\s?${CHINESE_UNIT_SOURCE}`;
const TOKEN_RE = new RegExp(
  [
    `(?<zh>[${HAN}]+)`,
    `(?<unit>${NUMBER_UNIT})`,
    `(?<en>\\d*[${LATIN}](?:[${LATIN}0-9]|['’.\\-](?=[${LATIN}0-9]))*)`,
    `(?<neutral>[^${HAN}${LATIN}]+?(?=[${HAN}${LATIN}]|${NUMBER_UNIT}|$))`,
  ].join("|"),
  "gu",
);

type Piece = { lang: Language | null; text: string };

/**
 * Gives each neutral span (consecutive pieces without a language) a language from its neighbours. Between
 * two languages, the span up to its last pause mark stays with the run before it ("I ran 5 km, 然后");
 * what follows goes to a Chinese run after it ("用 Zoom 3 个小时"), else to the side it is glued to.
 */
function resolveNeutral(pieces: Piece[], fallback: Language): Piece[] {
  const merged: Piece[] = [];
  for (const p of pieces) {
    const last = merged[merged.length - 1];
    if (last && last.lang === null && p.lang === null) last.text += p.text;
    else merged.push({ ...p });
  }
  const out: Piece[] = [];
  merged.forEach((p, i) => {
    if (p.lang) return void out.push(p);
    const left = merged[i - 1]?.lang ?? null;
    const right = merged[i + 1]?.lang ?? null;
    if (left === right || !left || !right) return void out.push({ lang: left ?? right ?? fallback, text: p.text });
    const pause = /^([\s\S]*[,.;:!?…。，；：！？、])([\s\S]*)$/u.exec(p.text);
    const [before, rest] = pause ? [pause[1]!, pause[2]!] : ["", p.text];
    if (before) out.push({ lang: left, text: before });
    if (!rest.trim()) return void out.push({ lang: left, text: rest });
    const gluedLeft = !pause && !/^\s/.test(rest);
    const gluedRight = !/\s$/.test(rest);
    const side = gluedRight && !gluedLeft ? right : gluedLeft && !gluedRight ? left : right === "zh" ? right : left;
    out.push({ lang: side, text: rest });
  });
  return out;
}

/** Splits text into language runs; text with no letters of either script is one run in `fallback`. */
export function splitLanguages(text: string, opts: { fallback?: Language } = {}): LanguageRun[] {
  const fallback = opts.fallback ?? "en";
  const pieces: Piece[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const g = m.groups!;
    const lang: Language | null = g.zh ? "zh" : g.en ? "en" : null;
    pieces.push({ lang, text: m[0] });
  }
  const runs: LanguageRun[] = [];
  for (const p of resolveNeutral(pieces, fallback)) {
    const last = runs[runs.length - 1];
    if (last && last.language === p.lang) last.text += p.text;
    else runs.push({ language: p.lang!, text: p.text });
  }
  return runs.map((r) => ({ language: r.language, text: r.text.trim() })).filter((r) => r.text !== "");
}
