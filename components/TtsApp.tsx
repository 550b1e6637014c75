"use client";
import { useEffect } from "react";
import { useStore } from "@/lib/store";
import { AdvancedPanel } from "./AdvancedPanel";
import { AppHeader } from "./AppHeader";
import { ErrorBanner, GenerateBar } from "./GenerateBar";
import { HistoryPanel } from "./HistoryPanel";
import { ResultPanel } from "./ResultPanel";
import { TextPanel } from "./TextPanel";
import { VoiceEmotionPanel } from "./VoiceEmotionPanel";

/** The whole page: input and settings on the left, result and history on the right (stacked on phones). */
export function TtsApp() {
  const init = useStore((s) => s.init);
  useEffect(() => { void init(); }, [init]);
  return (
    <>
      <AppHeader />
      <main className="mx-auto grid max-w-6xl gap-4 px-3 py-4 sm:px-4 lg:grid-cols-[minmax(0,7fr)_minmax(0,5fr)] lg:gap-6 lg:py-6">
        <div className="space-y-4">
          <TextPanel />
          <VoiceEmotionPanel />
          <AdvancedPanel />
        </div>
        <div className="space-y-4 lg:sticky lg:top-20 lg:self-start">
          <GenerateBar />
          <ErrorBanner />
          <ResultPanel />
          <HistoryPanel />
        </div>
      </main>
    </>
  );
}
