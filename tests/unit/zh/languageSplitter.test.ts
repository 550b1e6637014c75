import { describe, expect, it } from "vitest";
import { splitLanguages } from "../../../inference/frontend/languageSplitter";

const CASES: ReadonlyArray<[string, Array<[string, string]>]> = [
  ["我们明天用 Zoom 开会，时间是 3:30。", [["zh", "我们明天用"], ["en", "Zoom"], ["zh", "开会，时间是 3:30。"]]],
  ["今天天气真好,适合出门散步。", [["zh", "今天天气真好,适合出门散步。"]]],
  ["Hello, 你好", [["en", "Hello,"], ["zh", "你好"]]],
  ["Don't worry, 没事儿！", [["en", "Don't worry,"], ["zh", "没事儿！"]]],
  ["用 Zoom 3 个小时", [["zh", "用"], ["en", "Zoom"], ["zh", "3 个小时"]]],
  ["3D打印", [["en", "3D"], ["zh", "打印"]]],
  ["我买了 iPhone 15", [["zh", "我买了"], ["en", "iPhone 15"]]],
  ["跑了5km", [["zh", "跑了5km"]]],
  ["I ran 5 km today, 然后吃饭。", [["en", "I ran 5 km today,"], ["zh", "然后吃饭。"]]],
  ["COVID-19 疫情", [["en", "COVID-19"], ["zh", "疫情"]]],
  ["2026年11月23日", [["zh", "2026年11月23日"]]],
  ["价格¥12.80,温度-5°C,面积100m2", [["zh", "价格¥12.80,温度-5°C,面积100m2"]]],
  ["I have 3 apples 和 2 个梨", [["en", "I have 3 apples"], ["zh", "和 2 个梨"]]],
  ["你好 123 hello", [["zh", "你好 123"], ["en", "hello"]]],
  ["我的 email 是 abc@example.com,电话13812345678.", [["zh", "我的"], ["en", "email"], ["zh", "是"], ["en", "abc@example.com,"], ["zh", "电话13812345678."]]],
];

describe("splitLanguages", () => {
  it.each(CASES)("%s", (text, expected) => {
    expect(splitLanguages(text).map((r) => [r.language, r.text])).toEqual(expected);
  });

  it("puts text without letters in the fallback language", () => {
    expect(splitLanguages("123", { fallback: "zh" })).toEqual([{ language: "zh", text: "123" }]);
    expect(splitLanguages("123")).toEqual([{ language: "en", text: "123" }]);
    expect(splitLanguages("  ")).toEqual([]);
  });
});
