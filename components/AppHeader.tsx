"use client";
import { useStore } from "@/lib/store";
import { IconButton } from "./ui";
import { useStrings } from "./useStrings";

function HealthBadge() {
  const t = useStrings();
  const health = useStore((s) => s.health);
  if (!health) return null;
  const pkg = health.packages[0];
  const ok = health.status === "ok" && pkg;
  const loaded = pkg && Object.values(pkg.loaded).some(Boolean);
  return (
    <span data-testid="health-badge" className="hidden items-center gap-1.5 rounded-full border border-slate-200 px-2.5 py-1 text-xs text-slate-600 sm:inline-flex dark:border-slate-700 dark:text-slate-300">
      <span className={`h-2 w-2 rounded-full ${ok ? (loaded ? "bg-emerald-500" : "bg-amber-400") : "bg-rose-500"}`} />
      {ok ? `${pkg.device.toUpperCase()} · ${pkg.precision.toUpperCase()} · ${loaded ? t.modelsLoaded : t.modelsIdle}` : t.serverDown}
    </span>
  );
}

export function AppHeader() {
  const t = useStrings();
  const { lang, theme, setLang, setTheme } = useStore();
  return (
    <header className="sticky top-0 z-10 border-b border-slate-200/80 bg-slate-50/85 backdrop-blur dark:border-slate-800 dark:bg-slate-950/85">
      <div className="mx-auto flex max-w-6xl items-center gap-3 px-4 py-3">
        <div className="flex h-9 w-9 shrink-0 items-center justify-center rounded-xl bg-gradient-to-br from-brand-500 to-violet-500 text-white shadow-sm" aria-hidden>
          <svg viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
            <path d="M3 12h2M7 8v8M11 5v14M15 9v6M19 11v2" />
          </svg>
        </div>
        <div className="min-w-0 flex-1">
          <h1 className="truncate text-base font-semibold leading-tight">{t.appTitle}</h1>
          <p className="truncate text-xs text-slate-500 dark:text-slate-400">{t.tagline}</p>
        </div>
        <HealthBadge />
        <IconButton label={t.language} testId="lang-toggle" onClick={() => setLang(lang === "en" ? "zh" : "en")}>
          <span className="text-xs font-semibold">{lang === "en" ? "中文" : "EN"}</span>
        </IconButton>
        <IconButton label={t.theme} testId="theme-toggle" onClick={() => setTheme(theme === "dark" ? "light" : "dark")}>
          {theme === "dark" ? (
            <svg viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2"><circle cx="12" cy="12" r="4" /><path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" /></svg>
          ) : (
            <svg viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2"><path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" /></svg>
          )}
        </IconButton>
      </div>
    </header>
  );
}
