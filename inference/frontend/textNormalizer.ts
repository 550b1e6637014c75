/**
 * Text normalisation: written text → the words a reader would say.
 *
 * `foldUnicode` runs once over the whole text (every language): it maps typographic and full-width
 * punctuation onto the ASCII marks the front ends know. `normalizeEnglish` then runs on each English
 * language run (see languageRuns.ts); the Chinese normaliser plugs in the same way for Chinese runs.
 *
 * Spelled-out letter sequences are written as initials joined by dots without a final dot ("p.m." → "P.M",
 * "U.S." → "U.S") so the G2P reads them letter by letter and a "." left after them is a real full stop.
 * Everything else comes out as plain words, spaces and punctuation.
 */
import { cardinal, decimal, digits, MAX_CARDINAL, ordinal, year } from "./numberWords";

// Typographic marks → ASCII (or `…`). Applied before NFKC so NFKC cannot turn `…` into "...".
const FOLD: ReadonlyArray<[RegExp, string]> = [
  [/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u300C\u300D\u300E\u300F\u300A\u300B\u3008\u3009]/g, '"'],
  [/\u2026|\.{3,}|\u22EF/g, "…"],
  [/\u2014\u2014|\u2014|\u2013|\u2015|\u2012|\u2212|\u2010|\u2011|\uFF0D/g, "-"],
  [/\u3002|\uFF0E|\uFF61/g, "."],
  [/[\uFF0C\u3001\uFF64]/g, ","],
  [/\uFF01/g, "!"],
  [/\uFF1F/g, "?"],
  [/\uFF1B/g, ";"],
  [/\uFF1A/g, ":"],
  [/[\u00A0\u2000-\u200B\u202F\u205F\u3000\t\r\n\f\v]/g, " "],
  [/\u00BD/g, " 1/2 "],
  [/\u00BC/g, " 1/4 "],
  [/\u00BE/g, " 3/4 "],
];

/** Folds quotes, dashes, ellipses, full-width punctuation and odd spaces; NFKC; collapses spaces. */
export function foldUnicode(text: string): string {
  let s = text;
  for (const [re, rep] of FOLD) s = s.replace(re, rep);
  s = s.normalize("NFKC").replace(/\u2044/g, "/").replace(/\.{3,}/g, "…");
  return s.replace(/ {2,}/g, " ").trim();
}

const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];
const MONTH_RE =
  "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

function monthName(abbrev: string): string {
  return MONTHS.find((m) => m.toLowerCase().startsWith(abbrev.slice(0, 3).toLowerCase()))!;
}

const CURRENCIES: Record<string, { one: string; many: string; sub?: [string, string] }> = {
  $: { one: "dollar", many: "dollars", sub: ["cent", "cents"] },
  "£": { one: "pound", many: "pounds", sub: ["penny", "pence"] },
  "€": { one: "euro", many: "euros", sub: ["cent", "cents"] },
  "¥": { one: "yen", many: "yen" },
  "₹": { one: "rupee", many: "rupees" },
};
const SCALE_WORDS: Record<string, string> = {
  thousand: "thousand", k: "thousand", million: "million", m: "million", mn: "million",
  billion: "billion", bn: "billion", b: "billion", trillion: "trillion", tn: "trillion",
};

function plain(num: string): string {
  return num.replace(/,/g, "");
}

/** Words for a plain number string ("1,234.5", "007", "1999"), with `asYear` for bare 4-digit years. */
export function numberToWords(raw: string, opts: { asYear?: boolean } = {}): string {
  const neg = raw.startsWith("-");
  const s = plain(neg ? raw.slice(1) : raw);
  let words: string;
  if (s.includes(".")) words = decimal(s);
  else if (s.length > 1 && s.startsWith("0")) words = digits(s);
  else if (BigInt(s) > MAX_CARDINAL) words = digits(s);
  else if (opts.asYear && /^\d{4}$/.test(s) && Number(s) >= 1100 && Number(s) <= 2099) words = year(Number(s));
  else words = cardinal(BigInt(s));
  return neg ? `minus ${words}` : words;
}

function money(symbol: string, amount: string, scale: string | undefined): string {
  const cur = CURRENCIES[symbol]!;
  const value = plain(amount);
  if (scale) return `${numberToWords(value)} ${SCALE_WORDS[scale.toLowerCase()]} ${cur.many}`;
  const [int = "0", fracRaw] = value.split(".");
  const whole = int === "" ? 0n : BigInt(int);
  const parts: string[] = [];
  if (whole > 0n || !fracRaw) parts.push(`${cardinal(whole)} ${whole === 1n ? cur.one : cur.many}`);
  if (fracRaw) {
    if (cur.sub && fracRaw.length <= 2) {
      const cents = Number(fracRaw.padEnd(2, "0"));
      if (cents > 0) parts.push(`${cardinal(cents)} ${cents === 1 ? cur.sub[0] : cur.sub[1]}`);
    } else {
      return `${decimal(value)} ${cur.many}`;
    }
  }
  return parts.length ? parts.join(" and ") : `zero ${cur.many}`;
}

function clockTime(h: string, m: string, suffix: string | undefined): string {
  const hour = cardinal(Number(h));
  const min = Number(m);
  const ampm = suffix ? ` ${suffix.toLowerCase().startsWith("a") ? "A.M" : "P.M"}` : "";
  if (min === 0) return suffix ? `${hour}${ampm}` : `${hour} o'clock`;
  const minWords = min < 10 ? `oh ${cardinal(min)}` : cardinal(min);
  return `${hour} ${minWords}${ampm}`;
}

const FRACTIONS: Record<string, [string, string]> = {
  "2": ["half", "halves"], "4": ["quarter", "quarters"],
};
function fraction(n: string, d: string): string {
  const num = Number(n);
  const name = FRACTIONS[d] ?? (Number(d) > 2 && Number(d) <= 20 ? [ordinal(Number(d)), `${ordinal(Number(d))}s`] : null);
  if (!name) return `${cardinal(num)} over ${cardinal(Number(d))}`;
  return `${cardinal(num)} ${num === 1 ? name[0] : name[1]}`;
}

// Units read after a number: [pattern, singular, plural].
const UNITS: ReadonlyArray<[string, string, string]> = [
  ["km/h", "kilometer per hour", "kilometers per hour"], ["kph", "kilometer per hour", "kilometers per hour"],
  ["mph", "mile per hour", "miles per hour"], ["km", "kilometer", "kilometers"], ["cm", "centimeter", "centimeters"],
  ["mm", "millimeter", "millimeters"], ["kg", "kilogram", "kilograms"], ["mg", "milligram", "milligrams"],
  ["lbs", "pound", "pounds"], ["lb", "pound", "pounds"], ["oz", "ounce", "ounces"], ["ft", "foot", "feet"],
  ["mi", "mile", "miles"], ["ml", "milliliter", "milliliters"], ["GB", "gigabyte", "gigabytes"],
  ["MB", "megabyte", "megabytes"], ["KB", "kilobyte", "kilobytes"], ["TB", "terabyte", "terabytes"],
  ["GHz", "gigahertz", "gigahertz"], ["MHz", "megahertz", "megahertz"], ["kHz", "kilohertz", "kilohertz"],
  ["Hz", "hertz", "hertz"], ["kW", "kilowatt", "kilowatts"], ["ms", "millisecond", "milliseconds"],
  ["°C", "degree Celsius", "degrees Celsius"], ["°F", "degree Fahrenheit", "degrees Fahrenheit"],
  ["°", "degree", "degrees"],
];
const UNIT_RE = new RegExp(
  `(-?\\d[\\d,]*(?:\\.\\d+)?) ?(${UNITS.map(([u]) => u.replace(/[/°]/g, (c) => `\\${c}`)).join("|")})(?![A-Za-z])`,
  "g",
);

// Abbreviations with a period. `final`: the word can end a sentence, so a following end of text keeps a "."
const ABBREVIATIONS: ReadonlyArray<[RegExp, string]> = [
  [/\bMrs\./g, "missus"], [/\bMr\./g, "mister"], [/\bMs\./g, "miz"], [/\bDr\.(?= ?[A-Z])/g, "doctor"],
  [/\bProf\./g, "professor"], [/\bSt\.(?= [A-Z])/g, "saint"], [/\bSt\./g, "street"], [/\bJr\./g, "junior"],
  [/\bSr\./g, "senior"], [/\bvs\./gi, "versus"], [/\betc\./gi, "et cetera"], [/\be\.g\./gi, "for example"],
  [/\bi\.e\./gi, "that is"], [/\bapprox\./gi, "approximately"], [/\bNo\.(?= ?\d)/g, "number"],
  [/\bInc\./g, "incorporated"], [/\bLtd\./g, "limited"], [/\bCo\./g, "company"], [/\bCorp\./g, "corporation"],
  [/\bMt\./g, "mount"], [/\bAve\./g, "avenue"], [/\bCapt\./g, "captain"], [/\bSgt\./g, "sergeant"],
  [/\bLt\./g, "lieutenant"], [/\bCol\./g, "colonel"], [/\bGen\./g, "general"], [/\bRev\./g, "reverend"],
  [/\bGov\./g, "governor"], [/\bSen\./g, "senator"], [/\bDept\./g, "department"], [/\bfig\./gi, "figure"],
];

const SYMBOL_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/&/g, " and "], [/\+/g, " plus "], [/=/g, " equals "], [/@/g, " at "], [/#(?=\d)/g, " number "],
  [/#/g, " hash "], [/%/g, " percent "], [/[×✕]/g, " times "], [/÷/g, " divided by "], [/°/g, " degrees "],
  [/</g, " less than "], [/>/g, " greater than "], [/\//g, " slash "], [/§/g, " section "],
  [/[()[\]{}]/g, ", "], [/["*_~^|\\]/g, " "],
];

/** Normalises one English run (already passed through foldUnicode). */
export function normalizeEnglish(text: string): string {
  let s = text;
  for (const [re, rep] of ABBREVIATIONS) s = s.replace(re, rep);
  s = s.replace(/#(?=\d)/g, " number ");

  // Latin letters with diacritics → base letters (café → cafe), plus a few ligatures.
  s = s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC");
  s = s.replace(/ß/g, "ss").replace(/æ/g, "ae").replace(/Æ/g, "Ae").replace(/œ/g, "oe").replace(/Œ/g, "Oe").replace(/[øØ]/g, (c) => (c === "ø" ? "o" : "O"));

  s = s.replace(
    /([$£€¥₹]) ?(\d[\d,]*(?:\.\d+)?|\.\d+)(?: ?(thousand|million|billion|trillion|k|mn|m|bn|b|tn)\b)?/gi,
    (_, sym: string, amt: string, scale: string | undefined) => ` ${money(sym, amt, scale)} `,
  );
  s = s.replace(/(-?\d[\d,]*(?:\.\d+)?) ?%/g, (_, n: string) => `${numberToWords(n)} percent`);

  // Dates before times and plain numbers.
  s = s.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (m, y: string, mo: string, d: string) =>
    Number(mo) >= 1 && Number(mo) <= 12 && Number(d) >= 1 && Number(d) <= 31
      ? `${MONTHS[Number(mo) - 1]} ${ordinal(Number(d))}, ${year(Number(y))}`
      : m,
  );
  s = s.replace(/\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/g, (m, mo: string, d: string, y: string) => {
    if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return m;
    const yy = y.length === 2 ? cardinal(Number(y)) : year(Number(y));
    return `${MONTHS[Number(mo) - 1]} ${ordinal(Number(d))}, ${yy}`;
  });
  s = s.replace(
    new RegExp(`\\b${MONTH_RE}\\.? (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?\\b`, "g"),
    (_, mo: string, d: string, y: string | undefined) =>
      `${monthName(mo)} ${ordinal(Number(d))}${y ? `, ${year(Number(y))}` : ""}`,
  );
  s = s.replace(
    new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?${MONTH_RE}\\b(?:,? (\\d{4})\\b)?`, "g"),
    (m, d: string, mo: string, y: string | undefined, at: number, all: string) =>
      `${/\bthe $/i.test(all.slice(0, at)) ? "" : "the "}${ordinal(Number(d))} of ${monthName(mo)}${y ? `, ${year(Number(y))}` : ""}`,
  );

  // Times: 3:30, 3:30pm, 10 a.m., 7pm.
  s = s.replace(/\b(\d{1,2}):(\d{2})(?: ?([ap])\.?m\b\.?)?/gi, (m, h: string, mi: string, ap: string | undefined) =>
    Number(h) <= 24 && Number(mi) < 60 ? clockTime(h, mi, ap) : m,
  );
  s = s.replace(/\b(\d{1,2}) ?([ap])\.?m\b\.?/gi, (_, h: string, ap: string) => clockTime(h, "00", ap));
  s = s.replace(/\b([ap])\.m\./gi, (_, ap: string) => (ap.toLowerCase() === "a" ? "A.M" : "P.M"));
  // Other dotted initials; at the end of the text their last dot is also the full stop.
  s = s.replace(/\b((?:[A-Za-z]\.){2,})( *$)?/g, (_, ini: string, end: string | undefined) =>
    end === undefined ? ini.slice(0, -1) : `${ini.slice(0, -1)}.`,
  );

  // Decades: 1990s → nineteen nineties, '80s → eighties.
  s = s.replace(/(?:\b(\d{2})|')(\d)0s\b/g, (_, c: string | undefined, t: string) => {
    if (t === "0") return c ? `${year(Number(c) * 100)}s` : "hundreds";
    const tens = cardinal(Number(t) * 10).replace(/y$/, "ie");
    return `${c ? `${year(Number(c) * 100 + 10).split(" ")[0]} ` : ""}${tens}s`;
  });
  s = s.replace(/\b(\d+)(st|nd|rd|th)\b/gi, (_, n: string) => ordinal(BigInt(n)));
  s = s.replace(UNIT_RE, (_, n: string, unit: string) => {
    const [, one, many] = UNITS.find(([u]) => u === unit)!;
    return `${numberToWords(n)} ${plain(n) === "1" ? one : many}`;
  });
  s = s.replace(/\b(\d{1,3})\/(\d{1,3})\b/g, (_, n: string, d: string) => fraction(n, d));
  s = s.replace(/\b(\d[\d,]*) ?- ?(\d[\d,]*)\b/g, (_, a: string, b: string) => `${a} to ${b}`);

  // Letters glued to digits (MP3, 4K, COVID19): read apart.
  s = s.replace(/([A-Za-z])(?=\d)|(\d)(?=[A-Za-z])/g, (m) => `${m} `);
  s = s.replace(/(^|[^\w.])-(?=\d)/g, "$1 minus ");
  s = s.replace(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+/g, (n) =>
    numberToWords(n, { asYear: !n.includes(",") }),
  );

  for (const [re, rep] of SYMBOL_WORDS) s = s.replace(re, rep);
  s = s.replace(/ +([,.?!;:…])/g, "$1").replace(/ {2,}/g, " ").trim();
  // An expanded abbreviation ("Main St.") must not swallow the sentence's final period.
  if (/[.?!]\s*$/.test(text) && !/[.?!…]$/.test(s)) s += ".";
  return s;
}
