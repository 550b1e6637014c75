"use client";
import type { HistoryEntry } from "@/lib/historyDb";
import { useStore } from "@/lib/store";
import { Card } from "./ui";
import { useStrings } from "./useStrings";

function emotionLabel(entry: HistoryEntry, names: Record<string, string>): string {
  const s = entry.settings;
  if (s.emotionMode === "preset") return names[s.preset] ?? s.preset;
  if (s.emotionMode === "neutral") return names.neutral!;
  const top = s.vector.map((v, i) => ({ v, i })).filter((x) => x.v > 0).sort((a, b) => b.v - a.v).slice(0, 2);
  const order = ["happy", "angry", "sad", "afraid", "disgusted", "melancholic", "surprised", "calm"];
  return top.length ? top.map((x) => `${names[order[x.i]!]} ${x.v.toFixed(1)}`).join(" + ") : names.neutral!;
}

export function HistoryPanel() {
  const t = useStrings();
  const lang = useStore((s) => s.lang);
  const history = useStore((s) => s.history);
  const current = useStore((s) => s.result?.id);
  const { loadEntry, reuseSettings, removeEntry, clearEntries } = useStore();
  const btn = "rounded-md px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800";
  return (
    <Card
      title={`${t.history}${history.length ? ` (${history.length})` : ""}`}
      testId="history"
      actions={history.length > 0 && (
        <button type="button" data-testid="history-clear" className={`${btn} text-rose-600 dark:text-rose-400`} onClick={() => { if (confirm(t.confirmClear)) void clearEntries(); }}>
          {t.clearAll}
        </button>
      )}
    >
      {history.length === 0 ? (
        <p className="py-6 text-center text-sm text-slate-400">{t.historyEmpty}</p>
      ) : (
        <ul className="max-h-[28rem] divide-y divide-slate-100 overflow-y-auto dark:divide-slate-800">
          {history.map((h) => (
            <li key={h.id} data-testid="history-item" className={`py-2.5 ${h.id === current ? "bg-brand-50/60 dark:bg-brand-900/20 -mx-2 rounded-lg px-2" : ""}`}>
              <p className="line-clamp-2 text-sm" title={h.text}>{h.text}</p>
              <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-500 dark:text-slate-400">
                <span>{new Date(h.createdAt).toLocaleString(lang === "zh" ? "zh-CN" : "en-US", { dateStyle: "short", timeStyle: "short" })}</span>
                <span>·</span>
                <span>{h.figures.durationSec.toFixed(1)} s</span>
                <span>·</span>
                <span>{emotionLabel(h, t.emotions)}</span>
                <span className="ml-auto flex gap-1">
                  <button type="button" data-testid="history-load" className={btn} onClick={() => loadEntry(h)}>▶ {t.replay}</button>
                  <button type="button" data-testid="history-reuse" className={btn} onClick={() => reuseSettings(h)}>{t.reuse}</button>
                  <button type="button" data-testid="history-delete" className={`${btn} text-rose-600 dark:text-rose-400`} onClick={() => void removeEntry(h.id)}>{t.delete}</button>
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
