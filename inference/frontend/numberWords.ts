/** English number words: cardinals, ordinals, years, decimals and digit-by-digit reading. */

const ONES = [
  "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
// Short scale; index i = 1000^i.
const SCALES = ["", "thousand", "million", "billion", "trillion", "quadrillion"];

/** Largest integer read as a cardinal; longer digit strings are read digit by digit. */
export const MAX_CARDINAL = 10n ** 18n - 1n;

function underHundred(n: number): string {
  if (n < 20) return ONES[n]!;
  const t = TENS[Math.floor(n / 10)]!;
  return n % 10 === 0 ? t : `${t}-${ONES[n % 10]}`;
}

function underThousand(n: number): string {
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h === 0) return underHundred(rest);
  return rest === 0 ? `${ONES[h]} hundred` : `${ONES[h]} hundred ${underHundred(rest)}`;
}

/** 1234 → "one thousand two hundred thirty-four"; negative → "minus …". */
export function cardinal(value: number | bigint): string {
  let n = BigInt(value);
  if (n < 0n) return `minus ${cardinal(-n)}`;
  if (n === 0n) return "zero";
  if (n > MAX_CARDINAL) return digits(n.toString());
  const groups: string[] = [];
  for (let scale = 0; n > 0n; scale++, n /= 1000n) {
    const g = Number(n % 1000n);
    if (g !== 0) groups.unshift(SCALES[scale] ? `${underThousand(g)} ${SCALES[scale]}` : underThousand(g));
  }
  return groups.join(" ");
}

const ORDINAL_IRREGULAR: Record<string, string> = {
  one: "first", two: "second", three: "third", five: "fifth", eight: "eighth", nine: "ninth", twelve: "twelfth",
};

/** Turns the last word of a cardinal into its ordinal: "twenty-one" → "twenty-first". */
export function ordinal(value: number | bigint): string {
  const words = cardinal(value);
  const m = /^(.*?)([a-z]+)$/.exec(words)!;
  const [, head, last] = m as unknown as [string, string, string];
  let ord: string;
  if (ORDINAL_IRREGULAR[last]) ord = ORDINAL_IRREGULAR[last]!;
  else if (last.endsWith("y")) ord = `${last.slice(0, -1)}ieth`;
  else ord = `${last}th`;
  return head + ord;
}

/** Reads digits one by one: "007" → "zero zero seven". */
export function digits(s: string): string {
  return [...s].filter((c) => c >= "0" && c <= "9").map((c) => ONES[Number(c)]).join(" ");
}

/**
 * Year reading: 1999 → "nineteen ninety-nine", 1905 → "nineteen oh five", 1900 → "nineteen hundred",
 * 2000 → "two thousand", 2007 → "two thousand seven", 2024 → "twenty twenty-four".
 * Other values fall back to the cardinal.
 */
export function year(n: number): string {
  if (!Number.isInteger(n) || n < 1000 || n > 9999) return cardinal(n);
  // 2000, 2007, 3000: "two thousand seven" rather than "twenty oh seven"
  if (n % 1000 === 0 || (n >= 2000 && n % 1000 < 10)) return cardinal(n);
  const hi = Math.floor(n / 100);
  const lo = n % 100;
  if (lo === 0) return `${underHundred(hi)} hundred`;
  return lo < 10 ? `${underHundred(hi)} oh ${ONES[lo]}` : `${underHundred(hi)} ${underHundred(lo)}`;
}

/** "3.14" → "three point one four"; the integer part is a cardinal, the fraction is read digit by digit. */
export function decimal(text: string): string {
  const [int = "0", frac = ""] = text.split(".");
  const intWords = cardinal(BigInt(int === "" ? "0" : int));
  return frac ? `${intWords} point ${digits(frac)}` : intWords;
}
