/**
 * The per-language plug-in point of the front end. The phonemizer splits text into language runs
 * (languageRuns.ts) and hands each run to the front end of its language.
 */
export type LanguageCode = "en" | "zh";

export interface LanguageFrontEnd {
  readonly language: LanguageCode;
  /**
   * One run of text (already through foldUnicode) → tokens: phoneme symbols, " " between words and
   * punctuation symbols from symbols.ts, without `^`/`$`. Characters it cannot speak go to `unsupported`.
   */
  phonemize(run: string): { tokens: string[]; unsupported: string[] };
}
