import { describe, expect, it } from "vitest";
import { EnglishG2p } from "../../../inference/frontend/englishG2p";
import { letterToSound } from "../../../inference/frontend/englishLetterToSound";
import { ENGLISH_SYMBOLS } from "../../../inference/frontend/symbols";

const g2p = new EnglishG2p();
const say = (w: string): string => g2p.word(w).join(" ");
const valid = new Set(ENGLISH_SYMBOLS);

describe("EnglishG2p", () => {
  it("uses CMUdict's first pronunciation with stress digits", () => {
    expect(say("hello")).toBe("HH AH0 L OW1");
    expect(say("the")).toBe("DH AH0");
    expect(say("Read")).toBe("R EH1 D");
    expect(say("don't")).toBe("D OW1 N T");
  });

  it("derives inflections of known stems with the right voicing", () => {
    expect(say("blorfs")).toBe(letterToSound("blorfs").join(" ")); // unknown stem: rules
    expect(say("zorbing")).toMatch(/ IH0 NG$/);
    expect(say("unpriestly")).toBe("AH0 N P R IY1 S T L IY0");
    expect(say("stilly")).toBe("S T IH1 L IY0"); // one L across the seam
    expect(say("idiomatically")).toBe("IH2 D IY0 AH0 M AE1 T IH0 K L IY0");
  });

  it("splits compounds of two known words with compound stress", () => {
    expect(say("chessmate")).toBe("CH EH1 S M EY2 T");
    expect(say("soundproofed")).toBe("S AW1 N D P R UW2 F T");
  });

  it("spells all-caps acronyms and initials letter by letter", () => {
    expect(say("XKCD")).toBe("EH2 K S K EY2 S IY2 D IY1");
    expect(say("P.M")).toBe("P IY2 EH1 M");
  });

  it("letter-to-sound handles digraphs, magic e and suffixes", () => {
    expect(letterToSound("blake")).toEqual(["B", "L", "EY1", "K"]);
    expect(letterToSound("shoon")).toEqual(["SH", "UW1", "N"]);
    expect(letterToSound("phlitch")).toEqual(["F", "L", "IH1", "CH"]);
    expect(letterToSound("gorptation")).toEqual(["G", "AH0", "R", "P", "T", "EY1", "SH", "AH0", "N"]);
    expect(letterToSound("knight")).toEqual(["N", "AY1", "T"]);
    expect(letterToSound("brr")).toEqual(["B", "AH1", "R"]);
  });

  it("only ever emits symbols of the table, one primary stress per OOV word", () => {
    for (const w of ["zyxqv", "aeiou", "brrr", "tsktsk", "floofery", "quixotical", "x"]) {
      const phones = g2p.word(w);
      expect(phones.length).toBeGreaterThan(0);
      for (const p of phones) expect(valid.has(p), `${w}: ${p}`).toBe(true);
      expect(phones.filter((p) => p.endsWith("1")).length).toBeGreaterThanOrEqual(1);
    }
  });
});
