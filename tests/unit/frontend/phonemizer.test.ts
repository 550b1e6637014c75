import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { TTSError } from "../../../inference/errors";
import { Phonemizer } from "../../../inference/frontend/phonemizer";
import { SYMBOLS } from "../../../inference/frontend/symbols";

const ph = new Phonemizer();
const show = (t: string): string => ph.phonemize(t).join("|");

function errorOf(fn: () => unknown): TTSError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TTSError) return e;
    throw e;
  }
  throw new Error("expected a TTSError");
}

describe("Phonemizer", () => {
  it("frames the utterance and places word boundaries and punctuation", () => {
    expect(show("Hello, world.")).toBe("^|HH|AH0|L|OW1|,| |W|ER1|L|D|.|$");
    expect(show("Wait... what?!")).toBe("^|W|EY1|T|…| |W|AH1|T|?|!|$");
    expect(show("No!!! Really")).toBe("^|N|OW1|!| |R|IH1|L|IY0|$");
    expect(show("“Go,” she said")).toBe("^|G|OW1|,| |SH|IY1| |S|EH1|D|$");
    expect(show("well-known - truly")).toBe("^|W|EH1|L| |N|OW1|N|-| |T|R|UW1|L|IY0|$");
    expect(show("(aside) yes; no: maybe")).toBe("^|AH0|S|AY1|D|,| |Y|EH1|S|;| |N|OW1|:| |M|EY1|B|IY0|$");
  });

  it("encodes ids as indices into SYMBOLS", () => {
    const { symbols, ids } = ph.encode("Hi.");
    expect(ids).toEqual(symbols.map((s) => SYMBOLS.indexOf(s)));
    expect(ids[0]).toBe(1);
    expect(ids[ids.length - 1]).toBe(2);
  });

  it("names characters it cannot speak", () => {
    const e = errorOf(() => ph.phonemize("hi 😀 там"));
    expect(e.code).toBe("unsupported_characters");
    expect(e.status).toBe(422);
    for (const c of ["😀", "т", "а", "м"]) expect(e.message).toContain(JSON.stringify(c));
    expect(errorOf(() => ph.phonemize("你好")).code).toBe("unsupported_characters");
  });

  it("rejects text with nothing to speak", () => {
    for (const t of ["", "   ", "...", "?!,;", "\"'"]) expect(errorOf(() => ph.phonemize(t)).code).toBe("invalid_text");
  });
});

describe("phonemizeCli", () => {
  const cli = (args: string[], input = ""): { stdout: string; status: number | null } => {
    const r = spawnSync("npx", ["tsx", "inference/frontend/phonemizeCli.ts", ...args], { input, encoding: "utf8" });
    return { stdout: r.stdout, status: r.status };
  };

  it("turns JSON lines into symbols and ids, errors per line", () => {
    const input = ['{"id":"a","text":"Hello, world."}', '{"id":"b","text":"..."}', "not json", ""].join("\n");
    const { stdout, status } = cli([], input);
    expect(status).toBe(0);
    const lines = stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toEqual({ id: "a", ...new Phonemizer().encode("Hello, world.") });
    expect(lines[1]).toMatchObject({ id: "b", error: { code: "invalid_text" } });
    expect(lines[2]).toMatchObject({ id: null, error: { code: "invalid_input" } });
  }, 30_000);

  it("prints the symbol table with --symbols", () => {
    const { stdout, status } = cli(["--symbols"]);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual([...SYMBOLS]);
  }, 30_000);
});
