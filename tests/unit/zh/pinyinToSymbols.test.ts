import { describe, expect, it } from "vitest";
import { pinyinToSymbols } from "../../../inference/frontend/zh/pinyinToSymbols";
import { MANDARIN_SYMBOLS } from "../../../inference/frontend/symbols";

const CASES: ReadonlyArray<[string, string[]]> = [
  ["zhuang1", ["zh:zh", "zh:uang1"]],
  ["ma3", ["zh:m", "zh:a3"]],
  ["de5", ["zh:d", "zh:e5"]],
  ["de0", ["zh:d", "zh:e5"]],
  ["bo1", ["zh:b", "zh:o1"]],
  ["er2", ["zh:er2"]],
  ["ou3", ["zh:ou3"]],
  // y / w spellings have no initial
  ["yi1", ["zh:i1"]],
  ["ye3", ["zh:ie3"]],
  ["you3", ["zh:iou3"]],
  ["ying2", ["zh:ing2"]],
  ["yong3", ["zh:iong3"]],
  ["yu2", ["zh:v2"]],
  ["yue4", ["zh:ve4"]],
  ["yuan2", ["zh:van2"]],
  ["yun2", ["zh:vn2"]],
  ["wu3", ["zh:u3"]],
  ["wei4", ["zh:uei4"]],
  ["wen2", ["zh:uen2"]],
  ["weng1", ["zh:ueng1"]],
  // ü written u after j q x; written v or ü after n l
  ["ju1", ["zh:j", "zh:v1"]],
  ["que4", ["zh:q", "zh:ve4"]],
  ["xuan3", ["zh:x", "zh:van3"]],
  ["jun1", ["zh:j", "zh:vn1"]],
  ["lv4", ["zh:l", "zh:v4"]],
  ["nü3", ["zh:n", "zh:v3"]],
  ["lve4", ["zh:l", "zh:ve4"]],
  // apical vowels
  ["zi5", ["zh:z", "zh:ii5"]],
  ["ci2", ["zh:c", "zh:ii2"]],
  ["si4", ["zh:s", "zh:ii4"]],
  ["zhi1", ["zh:zh", "zh:iii1"]],
  ["chi1", ["zh:ch", "zh:iii1"]],
  ["shi4", ["zh:sh", "zh:iii4"]],
  ["ri4", ["zh:r", "zh:iii4"]],
  ["ji1", ["zh:j", "zh:i1"]],
  // abbreviated finals
  ["liu2", ["zh:l", "zh:iou2"]],
  ["gui4", ["zh:g", "zh:uei4"]],
  ["dun1", ["zh:d", "zh:uen1"]],
  ["xiong2", ["zh:x", "zh:iong2"]],
  ["qin1", ["zh:q", "zh:in1"]],
  ["ran2", ["zh:r", "zh:an2"]],
];

describe("pinyinToSymbols", () => {
  it.each(CASES)("%s → %j", (syllable, expected) => {
    expect(pinyinToSymbols(syllable)).toEqual(expected);
  });

  it("produces only symbols of the phoneme table", () => {
    const known = new Set(MANDARIN_SYMBOLS);
    for (const [syllable] of CASES) for (const s of pinyinToSymbols(syllable)) expect(known.has(s)).toBe(true);
  });

  it.each(["xyz3", "hello", "zha9", "jong1", "fv2"])("rejects %s", (bad) => {
    expect(() => pinyinToSymbols(bad)).toThrow();
  });
});
