/**
 * Chinese text normalisation: written Chinese (digits, symbols, units, full-width forms) → the Chinese
 * characters a native speaker would say, plus the phonemizer's punctuation tokens `, . ? ! ; : - …`.
 *
 * Readings chosen (where several are in use, the everyday standard one):
 * - integers as cardinals (1234 → 一千二百三十四, 10086 → 一万零八十六); 2 before a measure word or unit is
 *   两 (2个 → 两个, 2点 → 两点, 2公斤 → 两公斤), a leading 2 before 百/千/万/亿 too (2000 → 两千), but 第2 → 第二;
 * - years, phone numbers and numbers with leading zeros digit by digit (2026年 → 二零二六年); in phone numbers
 *   1 is 幺 (13812345678 → 幺三八幺二三四五六七八), as people read them aloud;
 * - renminbi amounts (¥ / ￥ / …元) in 元角分: ¥12.80 → 十二元八角, ¥12.05 → 十二元零五分; other currencies
 *   as a decimal and the currency name: $12.80 → 十二点八美元;
 * - times as 点/分: 15:30 → 十五点三十分, 3:05 → 三点零五分, 15:00 → 十五点;
 * - a/b is a date (11/23 → 十一月二十三日) when it can be one, unless it is a small fraction (b ≤ 10 and a < b:
 *   1/3 → 三分之一).
 * Traditional characters pass through unchanged (the pinyin step reads them). The output has no spaces.
 * The function is idempotent: its output contains no digits or symbols it would rewrite again.
 */
import { cardinal, decimalToChinese, digitsToChinese, MAX_CARDINAL } from "./chineseNumbers";

// Full-width and typographic punctuation → phonemizer tokens; marks that are not read are dropped.
const PUNCTUATION: ReadonlyArray<[RegExp, string]> = [
  [/……|…|\.{3,}|⋯+/g, "…"],
  [/——|—|–|―|－/g, "-"],
  [/[，、､]/g, ","],
  [/[。｡．]/g, "."],
  [/？/g, "?"],
  [/！/g, "!"],
  [/；/g, ";"],
  [/：/g, ":"],
  [/～|〜/g, "~"],
  [/￥/g, "¥"],
  [/[“”„‟"'‘’‚‛「」『』《》〈〉«»·•]/g, ""],
  [/[（(【[〔｛{]/g, ","],
  [/[）)】\]〕｝}]/g, ","],
  [/[\u3000\u00A0\u2000-\u200B\t\r\n]/g, " "],
];

/** Full-width digits, Latin letters and ASCII symbols (U+FF01–FF5E) → half-width. */
function halfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

// Words after which a lone 2 is read 两 (measure words and units).
const LIANG_BEFORE = [
  "个", "位", "只", "本", "次", "天", "年", "件", "条", "张", "种", "份", "块", "岁", "斤", "点", "口", "人", "杯",
  "瓶", "碗", "台", "辆", "架", "家", "间", "层", "场", "首", "篇", "部", "双", "对", "把", "支", "根", "片", "段",
  "遍", "趟", "倍", "名", "周", "星期", "小时", "分钟", "秒", "回", "样", "句", "页", "行", "排", "座", "所", "棵",
  "朵", "顿", "套", "门", "节", "届", "类", "项", "批", "群", "封", "颗", "粒", "声", "步", "元", "美元", "欧元",
  "英镑", "港元", "百", "千", "万", "亿", "公里", "公斤", "千克", "克", "米", "厘米", "毫米", "升", "毫升", "吨", "亩", "平方", "立方", "千瓦",
];
const LIANG_RE = new RegExp(`^(?:${LIANG_BEFORE.join("|")})`);

// Units written after a number, longest first; [pattern source, reading].
const UNITS: ReadonlyArray<[string, string]> = [
  ["km/h", "公里每小时"], ["m/s", "米每秒"], ["km²", "平方公里"], ["km2", "平方公里"], ["cm²", "平方厘米"],
  ["cm2", "平方厘米"], ["m²", "平方米"], ["m2", "平方米"], ["㎡", "平方米"], ["m³", "立方米"], ["m3", "立方米"],
  ["kWh", "千瓦时"], ["mAh", "毫安时"], ["kHz", "千赫兹"], ["MHz", "兆赫兹"], ["Hz", "赫兹"], ["kW", "千瓦"],
  ["km", "公里"], ["kg", "公斤"], ["mg", "毫克"], ["cm", "厘米"], ["mm", "毫米"], ["ml", "毫升"], ["mL", "毫升"],
  ["min", "分钟"], ["ms", "毫秒"], ["℃", "摄氏度"], ["°C", "摄氏度"], ["℉", "华氏度"], ["°F", "华氏度"], ["°", "度"],
  ["g", "克"], ["m", "米"], ["L", "升"], ["l", "升"], ["t", "吨"], ["h", "小时"], ["s", "秒"], ["W", "瓦"], ["V", "伏"],
];
const UNIT_READING = new Map(UNITS);
const escape = (s: string): string => s.replace(/[/.*+?^${}()|[\]\\]/g, "\\$&");
/** Source of a pattern matching a unit after a number; the language splitter keeps such units in Chinese runs. */
export const CHINESE_UNIT_SOURCE = `(?:${UNITS.map(([u]) => escape(u)).join("|")})(?![A-Za-z])`;

const NUM = "\\d+(?:,\\d{3})*(?:\\.\\d+)?";

/**
 * Integer or decimal string (thousands separators allowed) → words. `two` says where 2 is read 两:
 * "plain" never (第二, 百分之二, 二比一), "cardinal" as the leading digit before 百/千/万/亿 (两千),
 * "measure" also a lone 2 before a measure word (两个).
 */
function numberWords(raw: string, two: "plain" | "cardinal" | "measure" = "cardinal"): string {
  const s = raw.replace(/,/g, "");
  if (s.includes(".")) return decimalToChinese(s);
  if (s.length > 1 && s.startsWith("0")) return digitsToChinese(s);
  if (BigInt(s) > MAX_CARDINAL) return digitsToChinese(s);
  if (two === "measure" && s === "2") return "两";
  return cardinal(BigInt(s), { liang: two !== "plain" });
}

function validDate(m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/** Renminbi amount in 元角分: "12.80" → 十二元八角, "0.05" → 五分, "3" → 三元. */
function yuan(amount: string): string {
  const [intRaw = "0", fracRaw = ""] = amount.replace(/,/g, "").split(".");
  if (fracRaw.length > 2) return `${decimalToChinese(amount.replace(/,/g, ""))}元`;
  const whole = BigInt(intRaw || "0");
  const jiao = Number(fracRaw[0] ?? "0");
  const fen = Number(fracRaw[1] ?? "0");
  let out = whole > 0n || (jiao === 0 && fen === 0) ? `${numberWords(whole.toString(), "measure")}元` : "";
  if (jiao > 0) out += `${jiao === 2 ? "两" : cardinal(jiao)}角`;
  else if (fen > 0 && out) out += "零";
  if (fen > 0) out += `${fen === 2 ? "两" : cardinal(fen)}分`;
  return out;
}

const FOREIGN_CURRENCY: Record<string, string> = { $: "美元", "US$": "美元", "€": "欧元", "£": "英镑", "HK$": "港元" };

function clock(h: string, m: string, s: string | undefined): string {
  const hour = Number(h) === 2 ? "两" : cardinal(Number(h));
  const min = Number(m);
  if (min === 0 && !s) return `${hour}点`;
  const minWords = min < 10 ? `零${cardinal(min)}` : cardinal(min);
  const sec = s === undefined ? "" : `${Number(s) < 10 ? `零${cardinal(Number(s))}` : cardinal(Number(s))}秒`;
  return `${hour}点${minWords}分${sec}`;
}

function date(y: string | undefined, m: string, d: string | undefined, day = "日"): string {
  const year = y ? `${digitsToChinese(y)}年` : "";
  return `${year}${cardinal(Number(m))}月${d ? `${cardinal(Number(d))}${day}` : ""}`;
}

/** Normalises one Chinese run (raw or already folded) → Chinese characters and punctuation tokens. */
export function normalizeChinese(text: string): string {
  let s = text;
  for (const [re, rep] of PUNCTUATION) s = s.replace(re, rep);
  s = halfWidth(s);
  for (const [re, rep] of PUNCTUATION) s = s.replace(re, rep);
  s = s.replace(/〇/g, "零"); // same reading; jieba and pinyin-pro know 零 better

  // Dates and years (before times, phone numbers and ranges that share their separators).
  s = s.replace(/(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d.])/g, (all, y: string, m: string, d: string) =>
    validDate(Number(m), Number(d)) ? date(y, m, d) : all,
  );
  s = s.replace(/(?<!\d)([12]\d{3})年/g, (_, y: string) => `${digitsToChinese(y)}年`);
  s = s.replace(/(\d{1,2})月(\d{1,2})(日|号)/g, (_, m: string, d: string, day: string) => date(undefined, m, d, day));

  // Times 15:30, 3:05, 8:00:15; a 1-digit right side is a score or ratio (3:1 → 三比一).
  s = s.replace(/(?<![\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:])/g, (all, h: string, m: string, sec: string | undefined) =>
    Number(h) <= 24 && Number(m) < 60 && (sec === undefined || Number(sec) < 60) ? clock(h, m, sec) : all,
  );
  s = s.replace(/(?<![\d:])(\d+):(\d+)(?![\d:])/g, (_, a: string, b: string) => `${numberWords(a, "plain")}比${numberWords(b, "plain")}`);

  // Phone numbers: mobile, landline with area code, 400/800 service numbers.
  s = s.replace(/(?<!\d)(?:\+86[- ]?)?(1[3-9]\d{9})(?!\d)/g, (_, n: string) => digitsToChinese(n, { yao: true }));
  s = s.replace(/(?<!\d)(0\d{2,3})-(\d{7,8})(?!\d)/g, (_, a: string, b: string) => digitsToChinese(a + b, { yao: true }));
  s = s.replace(/(?<!\d)([48]00)-?(\d{3})-?(\d{4})(?!\d)/g, (_, a: string, b: string, c: string) =>
    digitsToChinese(a + b + c, { yao: true }),
  );

  // Money.
  s = s.replace(new RegExp(`[¥](${NUM})(万|亿)?`, "g"), (_, n: string, big: string | undefined) =>
    big ? `${n}${big}元` : yuan(n),
  );
  s = s.replace(new RegExp(`(${NUM})元`, "g"), (_, n: string) => yuan(n));
  s = s.replace(new RegExp(`(US\\$|HK\\$|[$€£])\\s?(${NUM})(万|亿)?`, "g"), (_, c: string, n: string, big: string | undefined) => {
    const trimmed = n.includes(".") ? n.replace(/0+$/, "").replace(/\.$/, "") : n;
    return `${trimmed}${big ?? ""}${FOREIGN_CURRENCY[c]}`;
  });

  // Percentages, per mille, temperatures below zero, other units.
  s = s.replace(/([%‰])\s?[-~]\s?(?=\d)/g, "$1到");
  s = s.replace(new RegExp(`(?<!\\d)(-?)(${NUM})\\s?[%％]`, "g"), (_, neg: string, n: string) => `${neg ? "负" : ""}百分之${numberWords(n, "plain")}`);
  s = s.replace(new RegExp(`(?<!\\d)(-?)(${NUM})\\s?‰`, "g"), (_, neg: string, n: string) => `${neg ? "负" : ""}千分之${numberWords(n, "plain")}`);
  s = s.replace(new RegExp(`(?<!\\d)-(${NUM})\\s?(℃|°C)`, "g"), (_, n: string) => `零下${numberWords(n, "plain")}摄氏度`);
  s = s.replace(new RegExp(`(${NUM})\\s?(${CHINESE_UNIT_SOURCE})`, "g"), (all, n: string, u: string) => {
    const reading = UNIT_READING.get(u);
    if (!reading) return all;
    const temp = reading.endsWith("度");
    return `${temp ? numberWords(n, "plain") : n}${reading}`;
  });

  // Fractions and month/day dates written a/b.
  s = s.replace(/(?<![\d/])(\d{1,4})\/(\d{1,4})(?![\d/])/g, (_, a: string, b: string) => {
    const [x, y] = [Number(a), Number(b)];
    const smallFraction = y <= 10 && x < y;
    if (!smallFraction && validDate(x, y)) return date(undefined, a, b);
    return y === 0 ? `${cardinal(x)}除以零` : `${cardinal(y)}分之${cardinal(x)}`;
  });

  // Ranges, arithmetic, signs.
  s = s.replace(new RegExp(`(${NUM})\\s?[-~]\\s?(?=\\d)`, "g"), "$1到");
  s = s.replace(new RegExp(`(${NUM})\\s?\\+\\s?(?=\\d)`, "g"), "$1加");
  s = s.replace(new RegExp(`(${NUM})\\s?[×xX*]\\s?(?=\\d)`, "g"), "$1乘");
  s = s.replace(new RegExp(`(${NUM})\\s?÷\\s?(?=\\d)`, "g"), "$1除以");
  s = s.replace(/\s?=\s?/g, "等于");
  s = s.replace(/(^|[^\d])-(?=\d)/g, "$1负");
  s = s.replace(/(^|[^\d])\+(?=\d)/g, "$1正");
  s = s.replace(/(\d)\s?(?:~|到)\s?(?=\d)/g, "$1到");

  // Ordinals keep 二 (第二); the remaining numbers, with 两 before measure words.
  s = s.replace(new RegExp(`第(${NUM})`, "g"), (_, n: string) => `第${numberWords(n, "plain")}`);
  s = s.replace(new RegExp(NUM, "g"), (n: string, offset: number, whole: string) =>
    numberWords(n, LIANG_RE.test(whole.slice(offset + n.length)) ? "measure" : "cardinal"),
  );

  // Symbols read as words; the rest of the spacing is dropped (Chinese has no spaces between words).
  s = s.replace(/&/g, "和").replace(/@/g, "艾特").replace(/#/g, "井号").replace(/[~*_^|\\/<>]/g, "");
  s = s.replace(/\s+/g, "");
  // Collapse runs of punctuation to the strongest mark; no leading pause.
  s = s.replace(/[,.?!;:\-…]{2,}/g, (run) => strongest(run));
  return s.replace(/^[,.;:\-…]+/, "");
}

const STRENGTH = "?!….;:-,";
function strongest(run: string): string {
  return [...run].sort((a, b) => STRENGTH.indexOf(a) - STRENGTH.indexOf(b))[0]!;
}
