/** Chinese number words: cardinals with 万/亿 grouping and 零 rules, digit-by-digit and decimal readings. */

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
const SMALL_UNITS = ["", "十", "百", "千"];
// Units of each group of four digits, lowest first: 个, 万, 亿, 万亿.
const GROUP_UNITS = ["", "万", "亿", "万亿"];

/** Largest integer read as a cardinal; longer digit strings are read digit by digit. */
export const MAX_CARDINAL = 10n ** 16n - 1n;

/** One group of up to four digits (0 < n < 10000) without any leading 零. */
function group(n: number): string {
  let out = "";
  let pendingZero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.floor(n / 10 ** pos) % 10;
    if (d === 0) {
      if (out) pendingZero = true;
      continue;
    }
    if (pendingZero) out += "零";
    pendingZero = false;
    out += DIGITS[d]! + SMALL_UNITS[pos]!;
  }
  return out;
}

/**
 * 1234 → 一千二百三十四, 10086 → 一万零八十六, 100000 → 十万, 15 → 十五 (not 一十五).
 * `liang`: a leading 2 before 百/千/万/亿 is read 两 (两千, 两万), as people say it.
 */
export function cardinal(value: number | bigint, opts: { liang?: boolean } = {}): string {
  let n = BigInt(value);
  if (n < 0n) return `负${cardinal(-n, opts)}`;
  if (n === 0n) return "零";
  if (n > MAX_CARDINAL) return digitsToChinese(n.toString());
  const groups: number[] = [];
  while (n > 0n) {
    groups.push(Number(n % 10000n));
    n /= 10000n;
  }
  let out = "";
  let zeroGap = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) {
      zeroGap = out !== "";
      continue;
    }
    // 零 marks skipped digits between groups: 一万零八十六, 一亿零一万.
    if (out && (zeroGap || g < 1000)) out += "零";
    zeroGap = false;
    out += group(g) + GROUP_UNITS[i]!;
  }
  // 一十五 → 十五 only at the very start (一百一十 keeps its 一十).
  if (out.startsWith("一十")) out = out.slice(1);
  if (opts.liang && /^二[百千万亿]/.test(out)) out = `两${out.slice(1)}`;
  return out;
}

/** "2026" → 二零二六; `yao`: read 1 as 幺 (phone numbers, room and bus numbers). */
export function digitsToChinese(digits: string, opts: { yao?: boolean } = {}): string {
  return [...digits].map((c) => (c === "1" && opts.yao ? "幺" : DIGITS[Number(c)]!)).join("");
}

/** "3.14" → 三点一四, "0.5" → 零点五, "12" → 十二. */
export function decimalToChinese(num: string): string {
  const neg = num.startsWith("-");
  const [int = "", frac] = (neg ? num.slice(1) : num).split(".");
  const intWords = int === "" ? "零" : int.length > 1 && int.startsWith("0") ? digitsToChinese(int) : cardinal(BigInt(int));
  const words = frac ? `${intWords}点${digitsToChinese(frac)}` : intWords;
  return neg ? `负${words}` : words;
}
