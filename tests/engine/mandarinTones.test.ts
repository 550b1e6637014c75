import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TTS } from "../../inference/index";
import { contourThirds, f0Track, median, voicedSemitones } from "./pitch";

// The bundled voice must carry Mandarin tones: single syllables in each of the four tones, F0 measured
// on what the engine generates. Runs only once the bundled package lists Chinese.
// TONE_TEST_PACKAGE points the test at another package (e.g. a candidate export before it is committed).
const dir = process.env.TONE_TEST_PACKAGE ?? join(process.cwd(), "cache_hub", "default");
const manifestPath = join(dir, "model.json");
const speaksChinese = existsSync(manifestPath)
  && (JSON.parse(readFileSync(manifestPath, "utf8")) as { frontend: { languages: string[] } }).frontend.languages.includes("zh");

// [tone 1, tone 2, tone 3, tone 4] of one syllable
const SETS = [["妈", "麻", "马", "骂"], ["汤", "糖", "躺", "烫"], ["衣", "姨", "椅", "意"], ["八", "拔", "把", "爸"], ["飞", "肥", "匪", "费"]];

type Contour = { start: number; mid: number; end: number; min: number; change: number; level: number };

let tts: TTS;
const contours: Contour[][] = []; // [set][tone - 1]
beforeAll(async () => {
  if (!speaksChinese) return;
  tts = await TTS.load(dir, { log: () => {}, cuda: { available: false, reason: "test" } });
  for (const set of SETS) {
    const row: Contour[] = [];
    for (const syllable of set) {
      const r = await tts.synthesize(syllable, { seed: 7 });
      const st = voicedSemitones(f0Track(r.audio, r.sampleRate, 50, 250)); // the voice sits near 150 Hz: a 250 Hz ceiling keeps the tracker off octave slips
      expect(st.length, `${syllable}: voiced frames`).toBeGreaterThan(10);
      const t = contourThirds(st);
      row.push({ ...t, change: t.end - t.start, level: median(st) });
    }
    contours.push(row);
  }
}, 120_000);
afterAll(() => tts?.dispose());

const report = (tone: number): string =>
  SETS.map((set, i) => `${set[tone - 1]} ${contours[i]![tone - 1]!.start.toFixed(1)}→${contours[i]![tone - 1]!.mid.toFixed(1)}→${contours[i]![tone - 1]!.end.toFixed(1)}`).join(", ");
/** At least 4 of the 5 syllables of a tone must pass: one odd syllable is noise, a pattern is not. */
const mostly = (tone: number, ok: (c: Contour) => boolean): void => {
  const passing = contours.filter((row) => ok(row[tone - 1]!)).length;
  expect(passing, `tone ${tone}: ${report(tone)} (semitones re 100 Hz, start→middle→end)`).toBeGreaterThanOrEqual(SETS.length - 1);
};

describe.skipIf(!speaksChinese)("the bundled voice's Mandarin tones (F0 of generated single syllables)", () => {
  it("tone 1 is level", () => mostly(1, (c) => Math.abs(c.change) < 1.5));
  it("tone 2 rises", () => mostly(2, (c) => c.change > 1.5));
  it("tone 3 dips: low, with its lowest point inside the syllable", () =>
    mostly(3, (c) => c.min < c.start - 0.5 && c.min <= c.end));
  it("tone 4 falls", () => mostly(4, (c) => c.change < -2));
  it("tone 1 sits high and tone 3 low", () => {
    const level = (tone: number): number => median(contours.map((row) => row[tone - 1]!.level));
    expect(level(1)).toBeGreaterThan(level(3) + 2);
  });
});
