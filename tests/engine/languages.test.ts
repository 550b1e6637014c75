import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TTS } from "../../inference/index";
import { copyFixture, loadFixture, ttsError } from "./helpers";

// The fixture package declared bilingual (model.json is not checksummed; the ONNX graphs already take
// every symbol of the shared table), to run the Chinese front end through the engine.
let tts: TTS;
beforeAll(async () => {
  const dir = copyFixture();
  const manifest = JSON.parse(readFileSync(join(dir, "model.json"), "utf8")) as { frontend: { languages: string[] } };
  manifest.frontend.languages = ["en", "zh"];
  writeFileSync(join(dir, "model.json"), JSON.stringify(manifest));
  tts = await loadFixture({}, dir);
});
afterAll(() => tts.dispose());

describe("language runs", () => {
  it("speaks the Chinese seed sentence and mixed text on a package that lists zh", async () => {
    const r = await tts.synthesize("今天天气真好,适合出门散步。", { steps: 2 });
    expect(r.segments).toEqual(["今天天气真好,适合出门散步。"]);
    expect(r.audio.length).toBeGreaterThan(0);
    const mixed = tts.splitText("我喜欢 TypeScript 和 Node. It works!");
    expect(mixed.map((s) => s.text)).toEqual(["我喜欢 TypeScript 和 Node.", "It works!"]);
  });

  it("still names characters neither front end can read", async () => {
    const e = await ttsError(tts.synthesize("今天 😀 好"));
    expect(e.code).toBe("unsupported_characters");
    expect(e.message).toContain('"😀"');
  });
});
