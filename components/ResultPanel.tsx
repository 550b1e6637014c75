"use client";
import type { ReactNode } from "react";
import { useStore } from "@/lib/store";
import { Card } from "./ui";
import { useStrings } from "./useStrings";
import { Waveform } from "./Waveform";

function Figure({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <div className="rounded-xl bg-slate-50 px-3 py-2 dark:bg-slate-800/60">
      <dt className="text-[11px] font-medium tracking-wide text-slate-500 uppercase dark:text-slate-400">{label}</dt>
      <dd data-testid={testId} className="mt-0.5 font-mono text-sm font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

export function ResultPanel() {
  const t = useStrings();
  const result = useStore((s) => s.result);
  const ms = (v: number): string => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`);
  return (
    <Card title={t.result} testId="result-panel" actions={result && (
      <a
        href={result.url}
        download={`index-tts-${new Date(result.createdAt).toISOString().replace(/[:.]/g, "-")}.wav`}
        data-testid="download"
        className="inline-flex items-center gap-1.5 rounded-lg bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 dark:bg-slate-100 dark:text-slate-900 dark:hover:bg-white"
      >
        <svg viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2"><path d="M12 3v12m0 0-4-4m4 4 4-4M4 19h16" /></svg>
        {t.download}
      </a>
    )}>
      {result ? (
        <>
          <p className="mb-3 line-clamp-2 text-sm text-slate-600 dark:text-slate-300" title={result.text}>{result.text}</p>
          <Waveform url={result.url} />
          <dl className="mt-4 grid grid-cols-2 gap-2 sm:grid-cols-4" data-testid="figures">
            <Figure label={t.figLatency} value={ms(result.figures.totalMs)} testId="fig-latency" />
            <Figure label={t.figFirstAudio} value={ms(result.figures.firstAudioMs)} />
            <Figure label={t.figRtf} value={result.figures.rtf.toFixed(3)} testId="fig-rtf" />
            <Figure label={t.figDuration} value={`${result.figures.durationSec.toFixed(2)} s`} testId="fig-duration" />
            <Figure label={t.figSteps} value={result.figures.steps} />
            <Figure label={t.figSegments} value={result.figures.segments} />
            <Figure label={t.figDevice} value={`${result.figures.device}/${result.figures.precision}`.toUpperCase()} />
            <Figure label={t.figCache} value={result.figures.cacheHits} />
          </dl>
        </>
      ) : (
        <div className="flex h-40 flex-col items-center justify-center gap-2 rounded-xl border border-dashed border-slate-200 text-sm text-slate-400 dark:border-slate-700">
          <svg viewBox="0 0 24 24" className="h-8 w-8" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round"><path d="M3 12h2M7 8v8M11 5v14M15 9v6M19 11v2" /></svg>
          {t.noResult}
        </div>
      )}
    </Card>
  );
}
