"use client";
import { useEffect, useState } from "react";
import { fill } from "@/lib/i18n";
import { useStore } from "@/lib/store";
import { postJson, type SegmentsResponse } from "@/lib/ttsClient";
import { Card } from "./ui";
import { useStrings } from "./useStrings";

/** Asks the server how the text will be split, shortly after typing stops. */
function useSegmentPreview(text: string, voice: string | null): SegmentsResponse["segments"] | null {
  const [segments, setSegments] = useState<SegmentsResponse["segments"] | null>(null);
  useEffect(() => {
    if (!text.trim()) { setSegments(null); return; }
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      postJson<SegmentsResponse>("/api/segments", voice ? { text, voice } : { text }, ctrl.signal)
        .then((r) => setSegments(r.segments))
        .catch(() => setSegments(null)); // too long or unreadable text: the generate error explains it
    }, 350);
    return () => { clearTimeout(timer); ctrl.abort(); };
  }, [text, voice]);
  return segments;
}

export function TextPanel() {
  const t = useStrings();
  const text = useStore((s) => s.text);
  const setText = useStore((s) => s.setText);
  const generate = useStore((s) => s.generate);
  const busy = useStore((s) => s.job.status === "running");
  const voice = useStore((s) => s.settings.voice);
  const maxChars = useStore((s) => s.voices?.limits?.maxChars ?? 5000);
  const segments = useSegmentPreview(text, voice);
  const count = [...text].length;
  const over = count > maxChars;

  return (
    <Card title={t.textLabel} actions={<span className="hidden text-xs text-slate-400 sm:inline">{t.shortcut}</span>}>
      <textarea
        data-testid="text-input"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); void generate(); }
        }}
        placeholder={t.textPlaceholder}
        disabled={busy}
        rows={7}
        className="w-full resize-y rounded-xl border border-slate-200 bg-slate-50 p-3 text-base leading-relaxed outline-none focus:border-brand-400 focus:bg-white focus:ring-2 focus:ring-brand-200 disabled:opacity-60 dark:border-slate-700 dark:bg-slate-950 dark:focus:ring-brand-900"
      />
      <div className="mt-1 flex justify-end">
        <span data-testid="char-count" className={`font-mono text-xs tabular-nums ${over ? "font-semibold text-rose-600" : "text-slate-500 dark:text-slate-400"}`}>
          {fill(t.chars, { n: count, max: maxChars })}
        </span>
      </div>
      {segments && segments.length > 0 && (
        <div className="mt-3" data-testid="segment-preview">
          <div className="mb-1.5 flex items-center gap-2 text-xs font-medium text-slate-500 dark:text-slate-400">
            <span>{t.segmentsTitle}</span>
            <span className="rounded-full bg-slate-100 px-2 py-0.5 dark:bg-slate-800">{fill(t.segmentsCount, { n: segments.length })}</span>
          </div>
          <ol className="max-h-40 space-y-1 overflow-y-auto pr-1">
            {segments.map((s, i) => (
              <li key={i} className="flex items-start gap-2 rounded-lg bg-slate-50 px-2 py-1.5 text-sm dark:bg-slate-800/60">
                <span className="mt-0.5 shrink-0 rounded bg-brand-100 px-1.5 font-mono text-[10px] leading-4 text-brand-700 dark:bg-brand-900/60 dark:text-brand-200">{i + 1}</span>
                <span className="min-w-0 flex-1 break-words">{s.text}</span>
                <span className="shrink-0 font-mono text-[10px] text-slate-400">{fill(t.segmentTokens, { n: s.tokens })}</span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </Card>
  );
}
