import { describe, expect, it } from "vitest";
import type { ModelManifest } from "../../../inference/modelPackage";
import { segmentLanguage, speakerForSegment } from "../../../inference/voiceRouting";

const manifest = {
  speakers: [
    { id: "slt", name: "English", index: 0, languages: ["en"] },
    { id: "espeak_cmn", name: "Mandarin", index: 1, languages: ["zh"] },
  ],
} as unknown as ModelManifest;
const slt = { id: "slt", index: 0 };
const cmn = { id: "espeak_cmn", index: 1 };
const english = ["^", "HH", "AH0", "L", "OW1", "$"];
const mandarin = ["^", "zh:n", "zh:i3", "zh:h", "zh:ao3", "$"];
const mixedMostlyChinese = ["^", "zh:w", "zh:o3", "zh:m", "zh:en5", " ", "Z", "UW1", "M", " ", "zh:k", "zh:ai1", "zh:h", "zh:ui4", "$"];

describe("speakerForSegment", () => {
  it("keeps the chosen voice for its own language", () => {
    expect(speakerForSegment(manifest, slt, english)).toEqual(slt);
    expect(speakerForSegment(manifest, cmn, mandarin)).toEqual(cmn);
  });
  it("hands a segment in another language to that language's speaker", () => {
    expect(speakerForSegment(manifest, slt, mandarin)).toEqual(cmn);
    expect(speakerForSegment(manifest, cmn, english)).toEqual(slt);
  });
  it("goes by the majority language in mixed segments", () => {
    expect(segmentLanguage(mixedMostlyChinese)).toBe("zh");
    expect(speakerForSegment(manifest, slt, mixedMostlyChinese)).toEqual(cmn);
  });
  it("keeps the chosen voice when no speaker has the language or the segment has no words", () => {
    const englishOnly = { speakers: [manifest.speakers[0]] } as unknown as ModelManifest;
    expect(speakerForSegment(englishOnly, slt, mandarin)).toEqual(slt);
    expect(speakerForSegment(manifest, slt, ["^", ",", "$"])).toEqual(slt);
  });
});
