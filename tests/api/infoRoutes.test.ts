/** The read-only routes: health, voices, models, metrics, segment preview, and unknown paths/methods. */
import { describe, expect, it } from "vitest";
import { baseUrl, expectError, getJson, ownServer, postJson } from "./helpers";

describe("GET /api/health", () => {
  it("reports packages, device, precision, loaded parts, queue and cache", async () => {
    const r = await fetch(baseUrl() + "/api/health");
    expect(r.status).toBe(200);
    const h = await r.json();
    expect(h.status).toBe("ok");
    expect(h.packages.length).toBeGreaterThan(0);
    const p = h.packages[0];
    expect(p.id).toBe("default");
    expect(["cpu", "cuda"]).toContain(p.device);
    expect(["fp32", "fp16"]).toContain(p.precision);
    expect(Object.keys(p.loaded).sort()).toEqual(["decoder", "emotion", "encoder", "vocoder"]);
    expect(p.queue).toMatchObject({ active: expect.any(Number), waiting: expect.any(Number), max: expect.any(Number) });
    expect(p.cache).toMatchObject({ hits: expect.any(Number), misses: expect.any(Number) });
    expect(p.limits.maxChars).toBeGreaterThan(0);
    if (ownServer()) {
      expect(h.packages.map((x: { id: string }) => x.id).sort()).toEqual(["broken", "default"]);
    }
  });
});

describe("GET /api/voices and the OpenAI listings", () => {
  it("lists voices with emotions and limits", async () => {
    const v = await getJson("/api/voices");
    expect(v.voices.length).toBeGreaterThan(0);
    expect(v.default).toBe(v.voices[0].id);
    expect(v.voices[0]).toMatchObject({ id: expect.any(String), name: expect.any(String), package: "default", languages: expect.any(Array) });
    expect(v.emotions).toEqual(expect.arrayContaining(["happy", "angry", "sad", "afraid", "disgusted", "melancholic", "surprised", "calm", "neutral"]));
    expect(v.limits.speed).toEqual({ min: 0.5, max: 2 });
    for (const name of ["alloy", "echo", "fable", "onyx", "nova", "shimmer"]) {
      expect(v.voices.map((x: { id: string }) => x.id)).toContain(v.openai[name]);
    }
  });

  it("GET /v1/models lists the engine and the OpenAI model names", async () => {
    const m = await getJson("/v1/models");
    expect(m.object).toBe("list");
    const ids = m.data.map((x: { id: string }) => x.id);
    expect(ids).toEqual(expect.arrayContaining(["tts-1", "tts-1-hd", "gpt-4o-mini-tts", "index-tts-web", "default"]));
    for (const x of m.data) expect(x).toMatchObject({ object: "model", created: expect.any(Number), owned_by: expect.any(String) });
  });

  it("GET /v1/audio/voices lists ours and OpenAI's names with their mapping", async () => {
    const v = await getJson("/v1/audio/voices");
    const ours = await getJson("/api/voices");
    const byId = new Map(v.data.map((x: { id: string; maps_to: string }) => [x.id, x.maps_to]));
    for (const o of ours.voices) expect(byId.get(o.id)).toBe(o.id);
    expect(byId.get("alloy")).toBe(ours.openai.alloy);
    expect(byId.get("shimmer")).toBe(ours.openai.shimmer);
  });
});

describe("POST /api/segments", () => {
  it("splits a text into segments with token counts", async () => {
    const text = "First sentence here. Second one follows! Third?";
    const r = await postJson("/api/segments", { text });
    expect(r.status).toBe(200);
    const s = await r.json();
    expect(s.segments.length).toBeGreaterThanOrEqual(2);
    expect(s.segments.map((x: { text: string }) => x.text).join(" ")).toContain("Second one follows");
    for (const seg of s.segments) expect(seg.tokens).toBeGreaterThan(0);
    expect(s.characters).toBe(text.length);
  });

  it("answers bad input with the API error shape", async () => {
    expect((await expectError(await postJson("/api/segments", { text: "" }), 400)).code).toBe("invalid_text");
    expect((await expectError(await postJson("/api/segments", { text: 5 }), 400)).code).toBe("invalid_request");
    expect((await expectError(await postJson("/api/segments", { text: "hi", voice: "nobody" }), 400)).code).toBe("unknown_voice");
    expect((await expectError(await postJson("/api/segments", "{nope"), 400)).code).toBe("invalid_json");
  });
});

describe("unknown paths and methods", () => {
  it("unknown /api path → 404 JSON", async () => {
    expect((await expectError(await fetch(baseUrl() + "/api/does-not-exist"), 404)).code).toBe("not_found");
  });
  it("GET on a POST route → 405 JSON with Allow", async () => {
    for (const path of ["/api/tts", "/v1/audio/speech", "/api/segments"]) {
      const r = await fetch(baseUrl() + path);
      expect(r.headers.get("allow")).toBe("POST");
      expect((await expectError(r, 405)).code).toBe("method_not_allowed");
    }
  });
});

describe("GET /api/metrics", () => {
  it("is Prometheus text with requests, latency, errors, queue and cache", async () => {
    await fetch(baseUrl() + "/api/does-not-exist"); // at least one error is counted
    const r = await fetch(baseUrl() + "/api/metrics");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("text/plain");
    const text = await r.text();
    for (const name of ["tts_http_requests_total", "tts_http_request_duration_seconds", "tts_errors_total", "tts_queue_active",
      "tts_queue_waiting", "tts_cache_hits_total", "tts_model_loaded", "tts_real_time_factor"]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
    expect(text).toMatch(/tts_errors_total\{route="\/api\/\*",code="not_found"\} [1-9]/);
    // Every sample line is `name{labels} value` or `name value` with a number.
    for (const line of text.split("\n").filter((l) => l && !l.startsWith("#"))) {
      expect(line).toMatch(/^[a-z_]+(\{[^}]*\})? (-?[0-9.e+-]+|\+Inf|NaN)$/);
    }
  });
});
