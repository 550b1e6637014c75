/**
 * Prometheus metrics of the API (text exposition format 0.0.4). Counters and histograms live in one
 * process-wide object on globalThis (route bundles may load this module more than once); gauges
 * (queue, cache, loaded models) are read from the engines at scrape time.
 */
type Labels = Record<string, string>;

const LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
const RTF_BUCKETS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5];

type Histogram = { buckets: number[]; counts: number[]; sum: number; count: number };

class MetricStore {
  readonly counters = new Map<string, Map<string, number>>();
  readonly histograms = new Map<string, Map<string, Histogram>>();
  readonly startedAt = Date.now();

  inc(name: string, labels: Labels, by = 1): void {
    const key = labelKey(labels);
    const m = this.counters.get(name) ?? new Map<string, number>();
    m.set(key, (m.get(key) ?? 0) + by);
    this.counters.set(name, m);
  }

  observe(name: string, labels: Labels, value: number, buckets: number[]): void {
    const key = labelKey(labels);
    const m = this.histograms.get(name) ?? new Map<string, Histogram>();
    const h = m.get(key) ?? { buckets, counts: buckets.map(() => 0), sum: 0, count: 0 };
    buckets.forEach((b, i) => { if (value <= b) h.counts[i]!++; });
    h.sum += value;
    h.count++;
    m.set(key, h);
    this.histograms.set(name, m);
  }
}

function escapeLabel(v: string): string {
  return v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

function labelKey(labels: Labels): string {
  return Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(",");
}

/** `name{labels}` (or `name` alone without labels). */
function series(name: string, key: string): string {
  return key ? `${name}{${key}}` : name;
}

const KEY = Symbol.for("index-tts-web.metrics");
function store(): MetricStore {
  const g = globalThis as { [KEY]?: MetricStore };
  return (g[KEY] ??= new MetricStore());
}

export function recordRequest(route: string, status: number, seconds: number): void {
  store().inc("tts_http_requests_total", { route, status: String(status) });
  store().observe("tts_http_request_duration_seconds", { route }, seconds, LATENCY_BUCKETS);
}

export function recordError(route: string, code: string): void {
  store().inc("tts_errors_total", { route, code });
}

export function recordSynthesis(voice: string, audioSeconds: number, computeSeconds: number, firstAudioSeconds: number): void {
  const s = store();
  s.inc("tts_syntheses_total", { voice });
  s.inc("tts_audio_seconds_total", { voice }, audioSeconds);
  if (audioSeconds > 0) s.observe("tts_real_time_factor", { voice }, computeSeconds / audioSeconds, RTF_BUCKETS);
  s.observe("tts_time_to_first_audio_seconds", { voice }, firstAudioSeconds, LATENCY_BUCKETS);
}

const HELP: Record<string, [type: string, help: string]> = {
  tts_http_requests_total: ["counter", "HTTP requests by route and status"],
  tts_http_request_duration_seconds: ["histogram", "Time to the response (headers) by route"],
  tts_errors_total: ["counter", "Error responses by route and error code"],
  tts_syntheses_total: ["counter", "Completed syntheses by voice"],
  tts_audio_seconds_total: ["counter", "Seconds of audio synthesized by voice"],
  tts_real_time_factor: ["histogram", "Compute time / audio duration per synthesis"],
  tts_time_to_first_audio_seconds: ["histogram", "Request start to the first audio (whole result or first streamed segment)"],
};

export type EngineGauges = {
  packageId: string;
  queue: { active: number; waiting: number; max: number; maxQueue: number };
  cache: { hits: number; misses: number; entries: number; bytes: number };
  loaded: Record<string, boolean>;
};

function fmt(n: number): string {
  return Number.isFinite(n) ? String(n) : n > 0 ? "+Inf" : "NaN";
}

export function renderMetrics(engines: EngineGauges[]): string {
  const s = store();
  const lines: string[] = [];
  const head = (name: string, type: string, help: string): void => { lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`); };
  for (const [name, [type, help]] of Object.entries(HELP)) {
    head(name, type, help);
    if (type === "counter") {
      for (const [k, v] of s.counters.get(name) ?? []) lines.push(`${series(name, k)} ${fmt(v)}`);
    } else {
      for (const [k, h] of s.histograms.get(name) ?? []) {
        const sep = k ? "," : "";
        h.buckets.forEach((b, i) => lines.push(`${name}_bucket{${k}${sep}le="${b}"} ${h.counts[i]}`));
        lines.push(`${name}_bucket{${k}${sep}le="+Inf"} ${h.count}`, `${series(`${name}_sum`, k)} ${fmt(h.sum)}`, `${series(`${name}_count`, k)} ${h.count}`);
      }
    }
  }
  const gauge = (name: string, help: string, rows: [Labels, number][], type = "gauge"): void => {
    head(name, type, help);
    for (const [labels, v] of rows) lines.push(`${series(name, labelKey(labels))} ${fmt(v)}`);
  };
  gauge("tts_queue_active", "Syntheses running", engines.map((e) => [{ package: e.packageId }, e.queue.active]));
  gauge("tts_queue_waiting", "Syntheses waiting for a slot", engines.map((e) => [{ package: e.packageId }, e.queue.waiting]));
  gauge("tts_queue_max_concurrent", "Concurrent synthesis slots", engines.map((e) => [{ package: e.packageId }, e.queue.max]));
  gauge("tts_queue_max_waiting", "Queue capacity (more is answered 429)", engines.map((e) => [{ package: e.packageId }, e.queue.maxQueue]));
  gauge("tts_cache_hits_total", "Encoded-text cache hits", engines.map((e) => [{ package: e.packageId }, e.cache.hits]), "counter");
  gauge("tts_cache_misses_total", "Encoded-text cache misses", engines.map((e) => [{ package: e.packageId }, e.cache.misses]), "counter");
  gauge("tts_cache_entries", "Encoded-text cache entries", engines.map((e) => [{ package: e.packageId }, e.cache.entries]));
  gauge("tts_cache_bytes", "Encoded-text cache size in bytes", engines.map((e) => [{ package: e.packageId }, e.cache.bytes]));
  gauge("tts_model_loaded", "1 when the ONNX session of a model part is loaded",
    engines.flatMap((e) => Object.entries(e.loaded).map(([part, on]): [Labels, number] => [{ package: e.packageId, part }, on ? 1 : 0])));
  gauge("tts_uptime_seconds", "Seconds since the first metric was recorded", [[{}, (Date.now() - s.startedAt) / 1000]]);
  return lines.join("\n") + "\n";
}
