"use client";
import { EMOTION_ORDER, type EmotionName } from "@/lib/apiSchemas";
import { type EmotionMode, useStore } from "@/lib/store";
import { Card, inputClass, Segmented, Slider } from "./ui";
import { useStrings } from "./useStrings";

/** One colour per emotion (a dot beside its name); no emoji, so every system renders the same. */
const DOT: Record<string, string> = {
  happy: "bg-amber-400", angry: "bg-red-500", sad: "bg-sky-500", afraid: "bg-violet-500", disgusted: "bg-lime-600",
  melancholic: "bg-indigo-400", surprised: "bg-pink-500", calm: "bg-teal-400",
};

function Dot({ name }: { name: string }) {
  return <span aria-hidden className={`inline-block h-2.5 w-2.5 shrink-0 rounded-full ${DOT[name]}`} />;
}

export function VoiceEmotionPanel() {
  const t = useStrings();
  const voices = useStore((s) => s.voices);
  const settings = useStore((s) => s.settings);
  const update = useStore((s) => s.updateSettings);
  const setVectorValue = useStore((s) => s.setVectorValue);
  const busy = useStore((s) => s.job.status === "running");
  const weightMax = voices?.limits?.emotionWeight.max ?? 1.5;
  const speed = voices?.limits?.speed ?? { min: 0.5, max: 2 };
  const modes: { value: EmotionMode; label: string }[] = [
    { value: "neutral", label: t.modeNeutral }, { value: "preset", label: t.modePreset },
    { value: "vector", label: t.modeVector }, { value: "random", label: t.modeRandom },
  ];

  return (
    <Card title={t.voice + " · " + t.emotion}>
      <fieldset disabled={busy} className="space-y-4">
        <label className="block">
          <span className="mb-1 block text-sm text-slate-700 dark:text-slate-300">{t.voice}</span>
          <select
            data-testid="voice-select"
            className={inputClass}
            value={settings.voice ?? ""}
            onChange={(e) => update({ voice: e.target.value })}
          >
            {(voices?.voices ?? []).map((v) => (
              <option key={v.id} value={v.id}>{v.name} ({v.languages.join(", ")})</option>
            ))}
          </select>
        </label>

        <div>
          <span className="mb-1 block text-sm text-slate-700 dark:text-slate-300">{t.emotion}</span>
          <Segmented testId="emotion-mode" label={t.emotion} value={settings.emotionMode} options={modes} onChange={(m) => update({ emotionMode: m })} />
        </div>

        {settings.emotionMode === "preset" && (
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-4" role="radiogroup" aria-label={t.modePreset} data-testid="emotion-presets">
            {EMOTION_ORDER.map((name) => (
              <button
                key={name}
                type="button"
                role="radio"
                aria-checked={settings.preset === name}
                data-testid={`preset-${name}`}
                onClick={() => update({ preset: name as EmotionName })}
                className={`flex items-center gap-1.5 rounded-xl border px-2 py-2 text-sm transition ${settings.preset === name
                  ? "border-brand-400 bg-brand-50 text-brand-800 dark:border-brand-500 dark:bg-brand-900/40 dark:text-brand-100"
                  : "border-slate-200 hover:border-slate-300 dark:border-slate-700 dark:hover:border-slate-600"}`}
              >
                <Dot name={name} />
                <span className="truncate">{t.emotions[name]}</span>
              </button>
            ))}
          </div>
        )}

        {(settings.emotionMode === "vector" || settings.emotionMode === "random") && (
          <div className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2" data-testid="emotion-sliders">
            {EMOTION_ORDER.map((name, i) => (
              <Slider
                key={name}
                testId={`slider-${name}`}
                label={<span className="inline-flex items-center gap-1.5"><Dot name={name} />{t.emotions[name]}</span>}
                value={settings.vector[i] ?? 0}
                min={0} max={1} step={0.05}
                disabled={settings.emotionMode === "random"}
                onChange={(v) => setVectorValue(i, v)}
                format={(v) => v.toFixed(2)}
              />
            ))}
            {settings.emotionMode === "random" && <p className="text-xs text-slate-500 sm:col-span-2">{t.randomHint}</p>}
          </div>
        )}

        {settings.emotionMode !== "neutral" && (
          <Slider testId="emotion-weight" label={t.weight} value={settings.weight} min={0} max={weightMax} step={0.05} onChange={(v) => update({ weight: v })} format={(v) => v.toFixed(2)} />
        )}

        <Slider testId="speed" label={t.speed} value={settings.speed} min={speed.min} max={speed.max} step={0.05} onChange={(v) => update({ speed: v })} format={(v) => `${v.toFixed(2)}×`} />
      </fieldset>
    </Card>
  );
}
