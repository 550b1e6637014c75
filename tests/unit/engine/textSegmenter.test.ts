import { describe, expect, it } from "vitest";
import { Phonemizer } from "../../../inference/frontend/phonemizer";
import { segmentComplexity, splitSentences, TextSegmenter } from "../../../inference/textSegmenter";

describe("splitSentences", () => {
  it("splits at sentence ends but not after abbreviations, initials or inside numbers", () => {
    expect(splitSentences("Dr. Smith paid $3.50. He left! Did he? Yes… fine")).toEqual([
      "Dr. Smith paid $3.50.", "He left!", "Did he?", "Yes…", "fine",
    ]);
    expect(splitSentences("J. R. R. Tolkien wrote it. \"Really?\" she asked.")).toEqual([
      "J. R. R. Tolkien wrote it.", "\"Really?\"", "she asked.",
    ]);
    expect(splitSentences("今天天气真好。适合出门散步！")).toEqual(["今天天气真好。", "适合出门散步！"]);
  });
});

describe("TextSegmenter", () => {
  const phonemizer = new Phonemizer();

  it("keeps every segment within the token limit, splitting at clauses then words", () => {
    const seg = new TextSegmenter(phonemizer, 40);
    const text = "This is a fairly long sentence, which has a clause, and then another clause that goes on and on without any pause at all until the end.";
    const out = seg.split(text);
    expect(out.length).toBeGreaterThan(2);
    for (const s of out) expect(s.symbols.length - 2).toBeLessThanOrEqual(40);
    expect(out.map((s) => s.text).join(" ")).toBe(text);
    expect(out[0]!.text).toBe("This is a fairly long sentence,");
  });

  it("skips sentences of bare punctuation, names unspeakable characters from all sentences", () => {
    const seg = new TextSegmenter(phonemizer, 150);
    expect(seg.split("Hello. ... World.").map((s) => s.text)).toEqual(["Hello.", "World."]);
    expect(() => seg.split("Hi ☃. Bye ✈.")).toThrow(/"☃".*"✈"/);
    expect(() => seg.split("?! ...")).toThrow(/nothing to speak/);
  });

  it("measures complexity as phonemes and pauses", () => {
    const [s] = new TextSegmenter(phonemizer, 150).split("Yes, no; maybe.");
    expect(segmentComplexity(s!.symbols)).toEqual({ phonemes: 9, pauses: 3 }) // Y EH1 S, N OW1, M EY1 B IY0;
  });
});
