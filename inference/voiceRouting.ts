/**
 * Which of a package's speakers says a segment. A voice speaks its own languages; a segment in another
 * language the package knows goes to the package's first speaker of that language (the default package
 * has an English and a Mandarin speaker: English text in the Mandarin voice would be sounds the model
 * never heard from it). Mixed segments go by their majority language.
 */
import type { ModelManifest } from "./modelPackage";

export type Speaker = { id: string; index: number };

/** Majority language of a token sequence: Mandarin tokens are `zh:`-prefixed, English ones are not. */
export function segmentLanguage(symbols: readonly string[]): "zh" | "en" | undefined {
  let zh = 0;
  let en = 0;
  for (const s of symbols) {
    if (s.startsWith("zh:")) zh++;
    else if (/^[A-Z]/.test(s)) en++;
  }
  if (zh === 0 && en === 0) return undefined;
  return zh > en ? "zh" : "en";
}

export function speakerForSegment(m: ModelManifest, chosen: Speaker, symbols: readonly string[]): Speaker {
  const language = segmentLanguage(symbols);
  const own = m.speakers.find((s) => s.id === chosen.id);
  if (!language || !own || own.languages.includes(language)) return chosen;
  const other = m.speakers.find((s) => s.languages.includes(language));
  return other ? { id: other.id, index: other.index } : chosen;
}
