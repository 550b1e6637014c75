import { readFileSync } from "node:fs";
import { f0Track, voicedSemitones, contourThirds } from "./tests/engine/pitch.ts";
for (const f of process.argv.slice(2)) {
  const b = readFileSync(f); const n = (b.length - 44) / 2; const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = b.readInt16LE(44 + 2 * i) / 32768;
  const t = f0Track(a, 22050); const st = voicedSemitones(t);
  console.log(f, t.filter((_, i) => i % 3 === 0).map(v => Number.isFinite(v) ? v.toFixed(0) : ".").join(" "), JSON.stringify(contourThirds(st)));
}
