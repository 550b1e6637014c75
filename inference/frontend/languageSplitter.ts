/**
 * Mixed Chinese/English text → runs of one language each, for the matching front end.
 *
 * Han characters make Chinese, Latin letters (with digits, apostrophes, dots and hyphens glued inside a
 * word: MP3, don't, e-mail) make English; everything else (digits, spaces, punctuation, symbols) is neutral
 * and joins a neighbour: the run on both sides if they agree, else punctuation right after a run stays with
 * it ("Hello, 你好") and numbers go to a Chinese run after them ("用 Zoom 3 个小时") or to the side they are
 * glued to ("3D打印"). A unit written after a number (5km, 3 kg) is neutral too, so the Chinese normaliser
 * reads it in Chinese text and the English one in English text. Whitespace at run edges is dropped.
 * "我们明天用 Zoom 开会，时间是 3:30。" → zh 我们明天用 · en Zoom · zh 开会，时间是 3:30。
 */
import type { LanguageCode as Language } from "./language.js";
import { CHINESE_UNIT_SOURCE } from "./zh/chineseNormalizer.js";

/** Same shape as languageRuns.ts, so the phonemizer can use either splitter. */
export type LanguageRun = { language: Language; text: string };

const HAN = "\\p{Script=Han}〇";
const LATIN = "A-Za-z\\uFF21-\\uFF3A\\uFF41-\\uFF5A";
const TOKEN_RE = new RegExp(
  [
    `(?<zh>[${HAN}]+)`,
    `(?<unit>\\d+(?:\\.\\d+)?\\s?${CHINESE_UNIT_SOURCE})`,
    `(?<en>\\d*[${LATIN}](?:[${LATIN}0-9]|['’.\\-](?=[${LATIN}0-9]))*)`,
    `(?<neutral>[^${HAN}${LATIN}]+?(?=[${HAN}${LATIN}]|$)|[^${HAN}${LATIN}]+)`,
  ].join("|"),
  "gu",
);

type Piece = { lang: Language | null; text: string };

/** Language of each neutral piece from its neighbours; may split a piece in two (punctuation | number). */
function resolveNeutral(pieces: Piece[], fallback: Language): Piece[] {
  const out: Piece[] = [];
  pieces.forEach((p, i) => {
    if (p.lang) return void out.push(p);
    const left = pieces.slice(0, i).reverse().find((q) => q.lang)?.lang ?? null;
    const right = pieces.slice(i + 1).find((q) => q.lang)?.lang ?? null;
    if (left === right || !left || !right) return void out.push({ lang: left ?? right ?? fallback, text: p.text });
    // Different languages on each side.
    const m = /^([^\s\d\p{L}]*)([\s\S]*)$/u.exec(p.text)!;
    const glued = m[1]!;
    const rest = m[2]!;
    if (glued) out.push({ lang: left, text: glued });
    if (!rest.trim()) return void out.push({ lang: left, text: rest });
    const gluedRight = !/\s$/.test(rest);
    out.push({ lang: right === "zh" || gluedRight ? right : left, text: rest });
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
