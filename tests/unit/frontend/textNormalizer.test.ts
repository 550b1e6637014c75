import { describe, expect, it } from "vitest";
import { foldUnicode, normalizeEnglish } from "../../../inference/frontend/textNormalizer";

const norm = (s: string): string => normalizeEnglish(foldUnicode(s));

describe("normalizeEnglish", () => {
  const table: Array<[string, string]> = [
    ["It costs $12.50 today.", "It costs twelve dollars and fifty cents today."],
    ["I have $1.", "I have one dollar."],
    ["Only €0.99!", "Only ninety-nine cents!"],
    ["A $5 million deal", "A five million dollars deal"],
    ["£3.05", "three pounds and five pence"],
    ["Growth was 3.5% in 2024.", "Growth was three point five percent in twenty twenty-four."],
    ["Meet me at 3:30 pm on March 5, 2024.", "Meet me at three thirty P.M on March fifth, twenty twenty-four."],
    ["The meeting is at 10am.", "The meeting is at ten A.M."],
    ["Call at 3:00.", "Call at three o'clock."],
    ["It's 7:05.", "It's seven oh five."],
    ["Dr. Smith met Mr. Jones.", "doctor Smith met mister Jones."],
    ["apples, pears, etc.", "apples, pears, et cetera."],
    ["He lives on Main St.", "He lives on Main street."],
    ["St. Patrick", "saint Patrick"],
    ["The 21st century began on 2001-01-01.", "The twenty-first century began on January first, two thousand one."],
    ["Born 1/15/1990.", "Born January fifteenth, nineteen ninety."],
    ["We met on the 4th of July.", "We met on the fourth of July."],
    ["on 5 May 1999", "on the fifth of May, nineteen ninety-nine"],
    ["Rock & roll + jazz = fun @ home", "Rock and roll plus jazz equals fun at home"],
    ["Pages 10-20 and 1/2 cup.", "Pages ten to twenty and one half cup."],
    ["It weighs 5kg and runs 60 mph.", "It weighs five kilograms and runs sixty miles per hour."],
    ["It's -5°C outside.", "It's minus five degrees Celsius outside."],
    ["Over 1,234,567 people.", "Over one million two hundred thirty-four thousand five hundred sixty-seven people."],
    ["Room No. 5", "Room number five"],
    ["The 1990s and the '80s", "The nineteen nineties and the eighties"],
    ["MP3", "MP three"],
    ["café naïve", "cafe naive"],
    ["007", "zero zero seven"],
    ["pi is 3.14159", "pi is three point one four one five nine"],
    ["in 1905 and 2000 and 2007", "in nineteen oh five and two thousand and two thousand seven"],
    ["1500 people", "fifteen hundred people"],
    ["Call #5 now", "Call number five now"],
    ["e.g. this, i.e. that", "for example this, that is that"],
    ["in the U.S. today", "in the U.S today"],
    ["made in the U.S.", "made in the U.S."],
  ];
  it.each(table)("%s", (input, expected) => {
    expect(norm(input)).toBe(expected);
  });
});

describe("foldUnicode", () => {
  it("folds typographic quotes, dashes, ellipses and full-width punctuation", () => {
    expect(foldUnicode("“Hi” — it’s… ok！")).toBe('"Hi" - it\'s… ok!');
    expect(foldUnicode("Wait...")).toBe("Wait…");
    expect(foldUnicode("你好，世界。")).toBe("你好,世界.");
    expect(foldUnicode("a\u00A0b\tc\n d")).toBe("a b c d");
  });
});
