import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SYMBOLS } from "../../../inference/frontend/symbols";
import { loadModelPackage, verifyFile } from "../../../inference/modelPackage";

const PARTS = ["encoder", "decoder", "vocoder", "emotion"] as const;

/** A hand-made package: valid manifest, placeholder files (the loader reads only the manifest). */
function makePackage(edit: (m: Record<string, any>) => void = () => {}): string {
  const dir = mkdtempSync(join(tmpdir(), "tts-pkg-"));
  const sha256: Record<string, string> = {};
  const files: Record<string, { fp32: string; fp16: string }> = {};
  for (const part of PARTS) {
    files[part] = { fp32: `${part}.onnx`, fp16: `${part}.fp16.onnx` };
    for (const f of Object.values(files[part]!)) {
      const body = `placeholder ${f}`;
      writeFileSync(join(dir, f), body);
      sha256[f] = createHash("sha256").update(body).digest("hex");
    }
  }
  const manifest: Record<string, any> = {
    format: "index-tts-web/model@1", id: "handmade", name: "Hand-made", version: "1.2.3",
    audio: { sample_rate: 22050, n_fft: 1024, hop_length: 256, win_length: 1024, n_mels: 80, f_min: 0, f_max: 8000, mel_mean: -5.5, mel_std: 2.1 },
    frontend: { name: "index-tts-web/phonemes@1", languages: ["en"], symbols: [...SYMBOLS] },
    speakers: [{ id: "slt", name: "Serena", index: 0, languages: ["en"] }],
    emotions: { names: ["happy", "angry", "sad", "afraid", "disgusted", "melancholic", "surprised", "calm"], style_dim: 4, neutral_style: [0, 0, 0, 0] },
    decoder: { solver: "euler", default_steps: 10, min_steps: 2, max_steps: 32, temperature: 0.667, frame_multiple: 4 },
    files, sha256,
  };
  edit(manifest);
  writeFileSync(join(dir, "model.json"), JSON.stringify(manifest));
  return dir;
}

async function failure(dir: string): Promise<{ code: string; message: string }> {
  return loadModelPackage(dir).then(() => ({ code: "none", message: "" }), (e: { code: string; message: string }) => e);
}

describe("loadModelPackage", () => {
  it("loads a valid manifest and resolves files per precision", async () => {
    const dir = makePackage();
    const pkg = await loadModelPackage(dir);
    expect(pkg.manifest.id).toBe("handmade");
    expect(pkg.filePath("decoder", "fp16")).toBe(join(dir, "decoder.fp16.onnx"));
    expect(pkg.filePath("vocoder", "fp32")).toBe(join(dir, "vocoder.onnx"));
    await expect(verifyFile(pkg, pkg.filePath("encoder", "fp32"))).resolves.toBeUndefined();
  });

  it("detects a file whose checksum does not match", async () => {
    const dir = makePackage();
    const pkg = await loadModelPackage(dir);
    writeFileSync(join(dir, "encoder.onnx"), "tampered");
    await expect(verifyFile(pkg, pkg.filePath("encoder", "fp32"))).rejects.toMatchObject({ code: "model_unavailable", message: /checksum mismatch/ });
  });

  it("rejects a directory without model.json", async () => {
    const e = await failure(join(makePackage(), "nope"));
    expect(e).toMatchObject({ code: "model_unavailable", message: expect.stringMatching(/cannot read/) });
  });

  it.each([
    ["a wrong format", (m: any) => { m.format = "other@1"; }, /format/],
    ["an unknown front end", (m: any) => { m.frontend.name = "espeak@1"; }, /not implemented/],
    ["a different symbol table", (m: any) => { m.frontend.symbols[5] = "X"; }, /symbol table differs/],
    ["a missing checksum", (m: any) => { delete m.sha256["vocoder.onnx"]; }, /no sha256 for vocoder.onnx/],
    ["a missing file", (m: any) => { m.files.decoder.fp32 = "gone.onnx"; m.sha256["gone.onnx"] = "0".repeat(64); }, /missing file gone.onnx/],
    ["a path outside the package", (m: any) => { m.files.decoder.fp32 = "../x.onnx"; }, /plain file name/],
    ["inconsistent steps", (m: any) => { m.decoder.default_steps = 40; }, /min_steps <= default_steps <= max_steps/],
    ["a wrong neutral style", (m: any) => { m.emotions.neutral_style = [0]; }, /neutral_style/],
    ["no speakers", (m: any) => { m.speakers = []; }, /speakers/],
  ] as Array<[string, (m: any) => void, RegExp]>)("rejects %s", async (_name, edit, message) => {
    const e = await failure(makePackage(edit));
    expect(e.code).toBe("model_unavailable");
    expect(e.message).toMatch(message);
  });
});
