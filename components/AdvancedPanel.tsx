"use client";
import { useStore } from "@/lib/store";
import { inputClass, Slider } from "./ui";
import { useStrings } from "./useStrings";

export function AdvancedPanel() {
  const t = useStrings();
  const settings = useStore((s) => s.settings);
  const update = useStore((s) => s.updateSettings);
  const limits = useStore((s) => s.voices?.limits);
  const busy = useStore((s) => s.job.status === "running");
  const stepRange = limits?.steps ?? { min: 2, max: 32 };
  const tempMax = limits?.temperature.max ?? 1.5;
  return (
    <details className="group rounded-2xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900" data-testid="advanced">
      <summary className="flex cursor-pointer list-none items-center justify-between px-4 py-3 text-sm font-semibold tracking-wide text-slate-700 uppercase sm:px-5 dark:text-slate-300">
        {t.advanced}
        <svg viewBox="0 0 24 24" className="h-4 w-4 transition group-open:rotate-180" fill="none" stroke="currentColor" strokeWidth="2"><path d="m6 9 6 6 6-6" /></svg>
      </summary>
      <fieldset disabled={busy} className="space-y-4 px-4 pb-4 sm:px-5">
        <div>
          <div className="mb-1 flex items-center justify-between text-sm">
            <span className="text-slate-700 dark:text-slate-300">{t.steps}</span>
            <label className="flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-400">
              <input type="checkbox" data-testid="steps-auto" checked={settings.stepsAuto} onChange={(e) => update({ stepsAuto: e.target.checked })} />
              {t.stepsAuto}
            </label>
          </div>
          <Slider label="" testId="steps" value={settings.steps} min={stepRange.min} max={stepRange.max} step={1} disabled={settings.stepsAuto} onChange={(v) => update({ steps: v })} />
        </div>
        <div>
          <div className="mb-1 flex items-center justify-between text-sm">
            <span className="text-slate-700 dark:text-slate-300">{t.temperature}</span>
            <label className="flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-400">
              <input type="checkbox" checked={settings.temperature === null} onChange={(e) => update({ temperature: e.target.checked ? null : 0.667 })} />
              {t.temperatureDefault}
            </label>
          </div>
          <Slider label="" value={settings.temperature ?? 0.667} min={0} max={tempMax} step={0.01} disabled={settings.temperature === null} onChange={(v) => update({ temperature: v })} format={(v) => v.toFixed(2)} />
        </div>
        <label className="block">
          <span className="mb-1 block text-sm text-slate-700 dark:text-slate-300">{t.seed}</span>
          <div className="flex gap-2">
            <input
              type="number" min={0} max={4294967295} step={1} data-testid="seed" className={inputClass}
              value={settings.seed}
              onChange={(e) => update({ seed: Math.max(0, Math.min(4294967295, Math.floor(Number(e.target.value) || 0))) })}
            />
            <button type="button" className="shrink-0 rounded-lg border border-slate-200 px-3 text-sm hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800" onClick={() => update({ seed: Math.floor(Math.random() * 4294967295) })}>
              🎲 {t.newSeed}
            </button>
          </div>
        </label>
      </fieldset>
    </details>
  );
}
