import { describe, expect, it } from "vitest";
import { TTSError } from "../../../inference/errors";
import { MandarinFrontEnd, mandarinTokens, phonemizeMandarin } from "../../../inference/frontend/zh/mandarinPhonemizer";
import { normalizeChinese } from "../../../inference/frontend/zh/chineseNormalizer";
import { symbolId } from "../../../inference/frontend/symbols";

describe("phonemizeMandarin", () => {
  it("joins syllables inside a word, separates words and keeps punctuation", () => {
    expect(phonemizeMandarin("你好，世界。")).toEqual([
      "zh:n", "zh:i2", "zh:h", "zh:ao3", ",", " ", "zh:sh", "zh:iii4", "zh:j", "zh:ie4", ".",
    ]);
  });

  it("puts erhua on the preceding syllable", () => {
    expect(phonemizeMandarin("这个门儿")).toEqual(["zh:zh", "zh:e4", "zh:g", "zh:e5", " ", "zh:m", "zh:en2", "zh:rr"]);
  });

  it("reads the benchmark sentence into table symbols, one final per syllable", () => {
    const symbols = phonemizeMandarin("今天天气真好,适合出门散步。");
    for (const s of symbols) expect(() => symbolId(s)).not.toThrow();
    expect(symbols.filter((s) => /^zh:[a-z]+[1-5]$/.test(s))).toHaveLength(12);
    expect(symbols.slice(0, 8)).toEqual(["zh:j", "zh:in1", "zh:t", "zh:ian1", "zh:t", "zh:ian1", "zh:q", "zh:i4"]);
  });

  it("normalises numbers before reading them", () => {
    expect(phonemizeMandarin("2个")).toEqual(["zh:l", "zh:iang3", "zh:g", "zh:e4"]);
  });

  it("drops leading punctuation and collapses repeated marks", () => {
    expect(phonemizeMandarin("……好！！")).toEqual(["zh:h", "zh:ao3", "!"]);
  });

  it("names the characters it cannot read", () => {
    let error: unknown;
    try {
      phonemizeMandarin("你好😀abc");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TTSError);
    expect((error as TTSError).code).toBe("unsupported_characters");
    expect((error as TTSError).status).toBe(422);
    expect((error as TTSError).message).toContain('"😀"');
    expect((error as TTSError).message).toContain('"a"');
  });

  it("as a phonemizer plug-in reports unreadable characters instead of throwing", () => {
    const out = new MandarinFrontEnd().phonemize("好Ж");
    expect(out.unsupported).toEqual(["Ж"]);
    expect(out.tokens).toEqual(["zh:h", "zh:ao3"]);
  });

  it("never crashes on random mixtures of digits, symbols and tricky characters (seeded)", () => {
    const alphabet = [..."0123456789.,:;-+~/%‰￥¥$€£年月日号点个两一不儿子了得还行长重 ，。？！、…—（）“”abcKMkmg℃°²³@#&*=<>第元角分万亿零〇啊嗯呣𠀀😀\n"];
    let seed = 7;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 500; i++) {
      let text = "";
      for (let k = 1 + Math.floor(rnd() * 16); k > 0; k--) text += alphabet[Math.floor(rnd() * alphabet.length)];
      const once = normalizeChinese(text);
      expect(normalizeChinese(once), JSON.stringify(text)).toBe(once);
      for (const s of mandarinTokens(text).tokens) expect(() => symbolId(s), JSON.stringify(text)).not.toThrow();
    }
  });
});
