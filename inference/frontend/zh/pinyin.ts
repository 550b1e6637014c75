/**
 * Normalised Chinese text → words with pinyin syllables (tone after sandhi, erhua marked).
 *
 * Traditional characters are read through their simplified forms (opencc-js), one character for one.
 * Segmentation: @node-rs/jieba (default dictionary, no HMM, with part-of-speech tags that the polyphone
 * rules read). Lexical pinyin: pinyin-pro over each whole phrase (its multi-character patterns see across
 * jieba's word boundaries; on the polyphone table of tests/unit/zh it read 56 of 62 polyphones right
 * against 54 per jieba word, which loses context for single-character words like 了 → liǎo), then
 * WORD_READINGS, then rules for the polyphones whose reading depends on the neighbouring words
 * (得 地 还 行 长 重 教 数 哪, 量 in compounds, neutral 子/们/么 and reduplicated verbs). Sandhi (一, 不, third tone) and erhua are applied
 * here in code: pinyin-pro's own 一/不 sandhi is switched off.
 */
import { Jieba, type TaggedWord } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import * as OpenCC from "opencc-js/t2cn";
import { pinyin } from "pinyin-pro";
import { FULL_ER_WORDS, FULL_ZI_WORDS, WORD_READINGS } from "./lexicon";

export interface Syllable {
  hanzi: string;
  /** toneless pinyin, ü written v ("lv", "zhuang") */
  base: string;
  /** 1–4, 5 = neutral */
  tone: number;
  /** the erhua suffix -r follows this syllable (the 儿 itself is no longer a syllable) */
  erhua: boolean;
}
export interface PinyinWord {
  text: string;
  pos: string;
  syllables: Syllable[];
}
export type PinyinToken = { word: PinyinWord } | { punctuation: string };

// Loaded once per process (~0.5 s); stateless after loading.
const JIEBA = Jieba.withDict(dict);
// Traditional → simplified for segmentation and pinyin only (jieba's and pinyin-pro's word lists are
// simplified: 銀行 would otherwise read yínxíng). Taiwan variants included (看著 → 看着).
const TO_SIMPLIFIED = OpenCC.Converter({ from: "tw", to: "cn" });

const PUNCTUATION_RE = /([,.?!;:\-…])/;
const NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿点幺";
const DIGIT_CHARS = "零〇一二三四五六七八九幺";

function syllable(hanzi: string, numbered: string): Syllable {
  const m = /^([a-zü]+)([0-5])$/.exec(numbered.replace(/ü/g, "v"));
  if (!m) return { hanzi, base: "", tone: 0, erhua: false };
  return { hanzi, base: m[1]!.replace(/ü/g, "v"), tone: m[2] === "0" ? 5 : Number(m[2]), erhua: false };
}

/** Han characters pinyin-pro cannot read (rare extension characters); the phonemizer reports them. */
export function unreadableHanzi(text: string): string[] {
  const all = pinyin(text, { toneType: "num", type: "all", toneSandhi: false });
  return all.filter((d) => /\p{Script=Han}/u.test(d.origin) && !/[a-zü]/.test(d.pinyin)).map((d) => d.origin);
}

/** One phrase (Han characters only) → words with lexical pinyin. */
function lexicalWords(original: string): PinyinWord[] {
  const simplified = TO_SIMPLIFIED(original);
  const phrase = [...simplified].length === [...original].length ? simplified : original;
  const chars = [...phrase];
  const readings = pinyin(phrase, { toneType: "num", type: "array", toneSandhi: false });
  const tagged: TaggedWord[] = JIEBA.tag(phrase, false);
  const words: PinyinWord[] = [];
  let at = 0;
  for (const { word, tag } of tagged) {
    const n = [...word].length;
    const override = WORD_READINGS.get(word)?.split(" ");
    const sylls = chars.slice(at, at + n).map((c, i) => syllable(c, override?.[i] ?? readings[at + i] ?? ""));
    words.push({ text: word, pos: tag, syllables: sylls });
    at += n;
  }
  return words;
}

const isVerbOrAdjective = (pos: string | undefined): boolean => !!pos && /^(v|a|z)/.test(pos);

/** Polyphones read by their neighbours; only single-character words (pinyin-pro reads multi-character ones). */
function contextPolyphones(words: PinyinWord[]): void {
  words.forEach((w, i) => {
    if (WORD_READINGS.has(w.text)) return;
    // A verb-得-complement the segmenter kept whole (行得通, 说得对, 看得见): pinyin-pro reads dé.
    if (w.syllables.length === 3 && [...w.text][1] === "得" && !/[者主]$/u.test(w.text)) {
      w.syllables[1]!.base = "de";
      w.syllables[1]!.tone = 5;
      return;
    }
    if (w.syllables.length !== 1) return;
    const prev = words[i - 1];
    const next = words[i + 1];
    const s = w.syllables[0]!;
    const set = (base: string, tone: number): void => {
      s.base = base;
      s.tone = tone;
    };
    switch (w.text) {
      case "得":
        // 得了第一 (obtain) · 跑得快 (complement) · 你得走 (must)
        if (next && (next.text === "了" || next.text.startsWith("第") || /^[一二三四五六七八九十两百千万]/.test(next.text))) set("de", 2);
        else if (isVerbOrAdjective(prev?.pos)) set("de", 5);
        else if (next) set("dei", 3);
        else set("de", 2);
        break;
      case "地":
        // 慢慢地走, 开心地笑 (adverbial; the tagger marks that 地 `uv`) · 在地上 (ground)
        if (prev && next && (w.pos === "uv" || /^(a|ad|d|z|i|l)$/.test(prev.pos) || /^(.)\1/u.test(prev.text) || prev.text === words[i - 2]?.text)) {
          set("de", 5);
        }
        else set("di", 4);
        break;
      case "还":
        // 还钱/还给你 (give back) · 还没/还好 (still)
        if (next && (/^(n|r)/.test(next.pos) || /^[给回清上]/.test(next.text))) set("huan", 2);
        else set("hai", 2);
        break;
      case "行":
        // 两行字/第三行 (row) · 行不行/说行 (OK)
        if (prev && (prev.pos === "m" || prev.pos === "q" || /[一二两三四五六七八九十几每]$/.test(prev.text))) set("hang", 2);
        else set("xing", 2);
        break;
      case "长":
        // 长得/长大/长高 (grow) · 很长 (long)
        if (next && /^[得大高出满了成]/.test(next.text)) set("zhang", 3);
        else set("chang", 2);
        break;
      case "重":
        // 重写 (again) · 很重 (heavy)
        if (next && next.pos.startsWith("v") && next.syllables.length === 1) set("chong", 2);
        else set("zhong", 4);
        break;
      case "了":
        set("le", 5);
        break;
      case "哪":
        if (!next) set("na", 5); // sentence-final particle: 我的天哪
        break;
      case "教":
        set("jiao", 1); // the verb "teach"; 教育/教室 (jiào) are words of their own
        break;
      case "数":
        set("shu", 3); // the verb "count"; 数学/数字 (shù) are words of their own
        break;
    }
  });
}

// Monosyllabic verbs whose reduplication (看看 "have a look") has a neutral second syllable; a closed
// list because other AA words keep both tones (处处, 天天, 常常).
const REDUPLICATED_VERBS = "看想听说走试问找玩聊谈学练写读尝摸闻歇坐逛洗擦扫算查猜翻动笑跳转改讲拿放吃喝";

/** Neutral-tone suffixes and reduplicated verbs (看看 kànkan, 想想 xiǎngxiang). */
function neutralTones(words: PinyinWord[]): void {
  for (const w of words) {
    const sy = w.syllables;
    const last = sy[sy.length - 1]!;
    if (sy.length >= 2 && last.hanzi === "子" && !FULL_ZI_WORDS.has(w.text)) last.tone = 5;
    if (sy.length >= 2 && /^[们么]$/.test(last.hanzi)) last.tone = 5;
    if (sy.length === 2 && REDUPLICATED_VERBS.includes(sy[0]!.hanzi) && sy[0]!.hanzi === sy[1]!.hanzi && !WORD_READINGS.has(w.text)) {
      sy[1]!.tone = 5;
      if (sy[0]!.tone === 3) sy[0]!.tone = 2; // the neutral syllable was a third tone: 想想 xiángxiang
    }
  }
}

/** 量 closing a compound of three or more characters is "amount" (业务量, 交易量: liàng), not "measure". */
function quantitySuffix(words: PinyinWord[]): void {
  for (const w of words) {
    const last = w.syllables[w.syllables.length - 1]!;
    if (w.syllables.length >= 3 && last.hanzi === "量" && !WORD_READINGS.has(w.text)) last.tone = 4;
  }
}

/** 儿 closing a word (门儿, 一会儿, 玩儿) becomes the -r of the syllable before it. */
function erhua(words: PinyinWord[]): void {
  words.forEach((w, i) => {
    const sy = w.syllables;
    const last = sy[sy.length - 1]!;
    if (last.hanzi !== "儿" || (FULL_ER_WORDS.has(w.text) && sy.length > 1)) return;
    if (sy.length >= 2) {
      if (sy[sy.length - 2]!.hanzi === "儿") return;
      sy[sy.length - 2]!.erhua = true;
      sy.pop();
      return;
    }
    // A lone 儿 jieba split off its base word (猫|儿).
    const base = words[i - 1]?.syllables.at(-1);
    if (base && !base.erhua && base.hanzi !== "儿" && !FULL_ER_WORDS.has(words[i - 1]!.text + "儿")) {
      base.erhua = true;
      w.syllables = [];
    }
  });
}

/** Flat view of a phrase's syllables with their word index, for rules that look across words. */
function flatten(words: PinyinWord[]): Array<{ s: Syllable; word: number; index: number }> {
  return words.flatMap((w, word) => w.syllables.map((s, index) => ({ s, word, index })));
}

/** 一: yī counting and at the end of words, yí before tone 4, yì before tones 1–3, neutral in 看一看. */
function yiSandhi(words: PinyinWord[]): void {
  const flat = flatten(words);
  flat.forEach(({ s, word, index }, k) => {
    if (s.hanzi !== "一" || s.base !== "yi") return;
    const prev = flat[k - 1];
    const next = flat[k + 1];
    const w = words[word]!;
    const verbYiVerb = prev && next && prev.s.hanzi === next.s.hanzi && (prev.word === word && next.word === word || words[prev.word]!.pos.startsWith("v"));
    if (verbYiVerb) s.tone = 5;
    else if (!next || (index === w.syllables.length - 1 && w.syllables.length > 1)) s.tone = 1;
    else if (prev && (prev.s.hanzi === "第" || NUMERAL_CHARS.includes(prev.s.hanzi))) s.tone = 1;
    else if (DIGIT_CHARS.includes(next.s.hanzi) || /^[月号]$/.test(next.s.hanzi)) s.tone = 1;
    else s.tone = next.s.tone === 4 || next.s.tone === 5 ? 2 : 4;
  });
}

// Complements after V不 (做不出来, 看不懂, 睡不着): the 不 of this potential form is neutral.
const COMPLEMENTS = new Set([
  "出来", "起来", "下去", "上去", "过来", "过去", "进来", "进去", "回来", "回去", "出去", "下来", "上来",
  "到", "完", "了", "动", "见", "懂", "清", "起", "下", "住", "着", "开", "出", "好", "成", "够", "及", "上", "掉", "惯",
]);

/** 不: neutral in 行不行, 做不出来 and inside three-syllable words (对不起, 差不多), bú before tone 4. */
function buSandhi(words: PinyinWord[]): void {
  const flat = flatten(words);
  flat.forEach(({ s, word, index }, k) => {
    if (s.hanzi !== "不" || s.base !== "bu") return;
    const prev = flat[k - 1];
    const next = flat[k + 1];
    const w = words[word]!;
    if (prev && next && prev.s.hanzi === next.s.hanzi) s.tone = 5;
    else if (w.syllables.length === 3 && index === 1 && !WORD_READINGS.has(w.text)) s.tone = 5;
    else if (w.syllables.length === 1 && isPotentialComplement(words, word)) s.tone = 5;
    else if (s.tone === 5) return;
    else if (next && next.s.tone === 4) s.tone = 2;
    else s.tone = 4;
  });
}

function isPotentialComplement(words: PinyinWord[], i: number): boolean {
  const verb = words[i - 1];
  const complement = words[i + 1];
  return !!verb && !!complement && verb.syllables.length === 1 && verb.pos.startsWith("v") && COMPLEMENTS.has(complement.text);
}

/** Third-tone sandhi inside one word; three-syllable words by their 2+1 (展览馆) or 1+2 (纸老虎) structure. */
function wordToneSandhi(w: PinyinWord): void {
  const sy = w.syllables;
  const t = (i: number): number => sy[i]!.tone;
  if (sy.length === 3 && t(0) === 3 && t(1) === 3 && t(2) === 3) {
    const parts = new Set(JIEBA.cutAll(w.text));
    const chars = [...w.text];
    const oneTwo = parts.has(chars[1]! + chars[2]!) && !parts.has(chars[0]! + chars[1]!);
    sy[0]!.tone = oneTwo ? 3 : 2;
    sy[1]!.tone = 2;
    return;
  }
  // Pairs from the left (2+2 for four-character words), then across pair boundaries from the right.
  for (let i = 0; i + 1 < sy.length; i += 2) if (t(i) === 3 && t(i + 1) === 3) sy[i]!.tone = 2;
  for (let i = sy.length - 2; i >= 0; i--) if (t(i) === 3 && t(i + 1) === 3) sy[i]!.tone = 2;
}

/**
 * Third-tone sandhi across words, right to left: a 3 before a 3 becomes 2 when one of the two words is a
 * single syllable (they form one prosodic foot: 很好 hénhǎo, 我很好 wǒ hénhǎo, 我也很好 wóyě hénhǎo).
 */
function phraseToneSandhi(words: PinyinWord[]): void {
  for (let i = words.length - 2; i >= 0; i--) {
    const a = words[i]!.syllables;
    const b = words[i + 1]!.syllables;
    if (!a.length || !b.length) continue;
    const last = a[a.length - 1]!;
    if (last.tone === 3 && b[0]!.tone === 3 && (a.length === 1 || b.length === 1)) last.tone = 2;
  }
}

/** Normalised Chinese text (Han characters and punctuation tokens) → words and punctuation in order. */
export function toPinyin(text: string): PinyinToken[] {
  const out: PinyinToken[] = [];
  for (const part of text.split(PUNCTUATION_RE)) {
    if (!part) continue;
    if (PUNCTUATION_RE.test(part) && part.length === 1) {
      out.push({ punctuation: part });
      continue;
    }
    const words = lexicalWords(part);
    contextPolyphones(words);
    quantitySuffix(words);
    neutralTones(words);
    yiSandhi(words);
    buSandhi(words);
    erhua(words);
    const kept = words.filter((w) => w.syllables.length > 0);
    kept.forEach(wordToneSandhi);
    phraseToneSandhi(kept);
    for (const word of kept) out.push({ word });
  }
  return out;
}

/** "zhe4 ge5 men2r": syllables with tone digits, erhua as a trailing r, punctuation as is; for tests and logs. */
export function pinyinString(text: string): string {
  return toPinyin(text)
    .map((t) => ("punctuation" in t ? t.punctuation : t.word.syllables.map((s) => `${s.base}${s.tone}${s.erhua ? "r" : ""}`).join(" ")))
    .join(" ");
}
