"use client";
import { useEffect, useRef, useState } from "react";
import WaveSurfer from "wavesurfer.js";
import { useStore } from "@/lib/store";
import { IconButton } from "./ui";
import { useStrings } from "./useStrings";

function clock(seconds: number): string {
  const s = Math.max(0, seconds);
  return `${Math.floor(s / 60)}:${(s % 60).toFixed(1).padStart(4, "0")}`;
}

/** The result's waveform (wavesurfer.js) over a real <audio> element: play/pause, seek by click, zoom. */
export function Waveform({ url }: { url: string }) {
  const t = useStrings();
  const theme = useStore((s) => s.theme);
  const container = useRef<HTMLDivElement>(null);
  const audio = useRef<HTMLAudioElement>(null);
  const ws = useRef<WaveSurfer | null>(null);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const [zoom, setZoom] = useState(0);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    if (!container.current || !audio.current) return;
    const dark = theme === "dark";
    const w = WaveSurfer.create({
      container: container.current, media: audio.current, url, height: 96, barWidth: 2, barGap: 1, barRadius: 2,
      normalize: true, cursorWidth: 2,
      waveColor: dark ? "#475569" : "#cbd5e1", progressColor: dark ? "#8ebcff" : "#336ffc", cursorColor: dark ? "#e2e8f0" : "#1e293b",
    });
    ws.current = w;
    setReady(false);
    setTime(0);
    setZoom(0);
    const subs = [
      w.on("ready", (d) => { setDuration(d); setReady(true); }),
      w.on("timeupdate", (tm) => setTime(tm)),
      w.on("play", () => setPlaying(true)),
      w.on("pause", () => setPlaying(false)),
      w.on("finish", () => setPlaying(false)),
    ];
    return () => { subs.forEach((off) => off()); w.destroy(); ws.current = null; };
  }, [url, theme]);

  return (
    <div>
      <div ref={container} data-testid="waveform" data-ready={ready ? "true" : "false"} className="min-h-24 w-full overflow-hidden rounded-xl bg-slate-50 dark:bg-slate-950" />
      <audio ref={audio} data-testid="result-audio" preload="auto" className="hidden" />
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <IconButton label={playing ? t.pause : t.play} testId="play-pause" onClick={() => void ws.current?.playPause()} disabled={!ready} className="h-10 w-10 rounded-full border-brand-300 text-brand-700 dark:text-brand-200">
          {playing
            ? <svg viewBox="0 0 24 24" className="h-4 w-4" fill="currentColor"><rect x="6" y="5" width="4" height="14" rx="1" /><rect x="14" y="5" width="4" height="14" rx="1" /></svg>
            : <svg viewBox="0 0 24 24" className="h-4 w-4" fill="currentColor"><path d="M8 5v14l11-7z" /></svg>}
        </IconButton>
        <span data-testid="time-display" className="font-mono text-sm text-slate-600 tabular-nums dark:text-slate-300">{clock(time)} / {clock(duration)}</span>
        <label className="ml-auto flex items-center gap-2 text-xs text-slate-500">
          {t.zoom}
          <input type="range" min={0} max={400} step={10} value={zoom} data-testid="zoom" disabled={!ready}
            onChange={(e) => { const z = Number(e.target.value); setZoom(z); ws.current?.zoom(z); }} className="w-28" />
        </label>
      </div>
    </div>
  );
}
