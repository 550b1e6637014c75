/**
 * The phonemizer for a list of languages, with the Mandarin front end loaded only when Chinese is asked
 * for (its dictionaries are large). Used by the engine and by the batch CLI, so both phonemize alike.
 */
import type { LanguageCode, LanguageFrontEnd } from "./language";
import { Phonemizer } from "./phonemizer";

export async function createPhonemizer(languages: readonly LanguageCode[]): Promise<Phonemizer> {
  const frontEnds: LanguageFrontEnd[] = [];
  if (languages.includes("zh")) {
    const { MandarinFrontEnd } = await import("./zh/mandarinPhonemizer");
    frontEnds.push(new MandarinFrontEnd());
  }
  return new Phonemizer({ languages, frontEnds });
}
