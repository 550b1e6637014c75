"use client";
import { STRINGS, type Strings } from "@/lib/i18n";
import { useStore } from "@/lib/store";

/** The UI strings of the chosen language. */
export function useStrings(): Strings {
  return STRINGS[useStore((s) => s.lang)];
}
