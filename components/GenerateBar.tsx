"use client";
import { fill } from "@/lib/i18n";
import { type Stage, useStore } from "@/lib/store";
import { useStrings } from "./useStrings";

const ORDER: Stage[] = ["queued", "loading", "frontend", "spectrogram", "vocoder", "done"];

export function GenerateBar() {
  const t = useStrings();
  const job = useStore((s) => s.job);
  const text = useStore((s) => s.text);
  const streamPlay = useStore((s) => s.streamPlay);
  const setStreamPlay = useStore((s) => s.setStreamPlay);
  const generate = useStore((s) => s.generate);
  const cancel = useStore((s) => s.cancel);
  const busy = job.status === "running";
  const empty = !text.trim();
  // Progress: segments done when known, else how far through the stages.
  const fraction = job.segments > 0
    ? Math.min(1, job.segment / job.segments)
    : (ORDER.indexOf(job.stage ?? "queued") + 1) / (ORDER.length + 2);

  return (
    <div className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-center gap-3">
        {busy ? (
          <button type="button" data-testid="cancel" onClick={cancel} className="inline-flex h-11 flex-1 items-center justify-center gap-2 rounded-xl border border-rose-300 bg-rose-50 px-5 font-semibold text-rose-700 transition hover:bg-rose-100 sm:flex-none dark:border-rose-800 dark:bg-rose-950 dark:text-rose-200">
            <svg viewBox="0 0 24 24" className="h-4 w-4" fill="currentColor"><rect x="6" y="6" width="12" height="12" rx="2" /></svg>
            {t.cancel}
          </button>
        ) : (
          <button
            // Over-long text stays submittable: the server's answer (413 text_too_long) explains the limit.
            type="button" data-testid="generate" onClick={() => void generate()} disabled={empty}
            className="inline-flex h-11 flex-1 items-center justify-center gap-2 rounded-xl bg-gradient-to-r from-brand-600 to-violet-600 px-6 font-semibold text-white shadow-md shadow-brand-600/20 transition hover:brightness-110 disabled:cursor-not-allowed disabled:opacity-50 disabled:shadow-none sm:flex-none"
          >
            <svg viewBox="0 0 24 24" className="h-4 w-4" fill="currentColor"><path d="M8 5v14l11-7z" /></svg>
            {t.generate}
          </button>
        )}
        <label className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
          <input type="checkbox" checked={streamPlay} onChange={(e) => setStreamPlay(e.target.checked)} disabled={busy} />
          {t.streamPlay}
        </label>
      </div>
      {busy && (
        <div className="mt-4" data-testid="progress" aria-live="polite">
          <div className="mb-1.5 flex justify-between text-sm">
            <span data-testid="progress-stage" className="font-medium text-slate-700 dark:text-slate-200">{t[`stage_${job.stage ?? "queued"}`]}</span>
            {job.segments > 0 && <span className="text-xs text-slate-500">{fill(t.segmentOf, { i: Math.min(job.segment + 1, job.segments), n: job.segments })}</span>}
          </div>
          <div className="h-2 overflow-hidden rounded-full bg-slate-100 dark:bg-slate-800">
            <div className="h-full rounded-full bg-gradient-to-r from-brand-500 to-violet-500 transition-all duration-300" style={{ width: `${Math.max(6, fraction * 100)}%` }} />
          </div>
          {job.audioSec > 0 && (
            <p data-testid="audio-ready" data-seconds={job.audioSec.toFixed(3)} className="mt-1.5 text-xs text-slate-500 dark:text-slate-400">
              {fill(t.audioReady, { s: job.audioSec.toFixed(1) })}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

export function ErrorBanner() {
  const t = useStrings();
  const error = useStore((s) => s.job.error);
  const dismiss = useStore((s) => s.dismissError);
  if (!error) return null;
  return (
    <div role="alert" data-testid="error-banner" className="flex items-start gap-3 rounded-2xl border border-rose-200 bg-rose-50 p-4 text-sm text-rose-800 dark:border-rose-900 dark:bg-rose-950/60 dark:text-rose-200">
      <svg viewBox="0 0 24 24" className="mt-0.5 h-5 w-5 shrink-0" fill="none" stroke="currentColor" strokeWidth="2"><circle cx="12" cy="12" r="10" /><path d="M12 8v4M12 16h.01" /></svg>
      <div className="min-w-0 flex-1">
        <p className="font-semibold">{t.error}: <code data-testid="error-code" className="font-mono text-xs">{error.code}</code></p>
        <p data-testid="error-message" className="mt-0.5 break-words">{error.code === "network" ? `${t.networkError} ${error.message}` : error.message}</p>
      </div>
      <button type="button" onClick={dismiss} className="shrink-0 rounded-md px-2 py-1 text-xs font-medium hover:bg-rose-100 dark:hover:bg-rose-900">{t.dismiss}</button>
    </div>
  );
}
