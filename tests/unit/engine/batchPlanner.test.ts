import { describe, expect, it } from "vitest";
import { planPasses } from "../../../inference/batchPlanner";

describe("planPasses", () => {
  it("groups equal step counts, longest first, at most batchSize per pass, every segment once", () => {
    const tokens = [10, 50, 30, 20, 40];
    const steps = [10, 10, 12, 10, 12];
    const passes = planPasses(tokens, steps, 2);
    // 10-step group by length: 1 (50), 3 (20), 0 (10); passes ordered by their first segment.
    expect(passes).toEqual([
      { positions: [0], steps: 10 },
      { positions: [1, 3], steps: 10 },
      { positions: [4, 2], steps: 12 },
    ]);
    expect(passes.flatMap((p) => p.positions).sort()).toEqual([0, 1, 2, 3, 4]);
    for (const p of passes) expect(new Set(p.positions.map((i) => steps[i])).size).toBe(1);
  });

  it("batchSize 1 gives one pass per segment in order", () => {
    expect(planPasses([5, 9, 7], [10, 10, 10], 1).map((p) => p.positions)).toEqual([[0], [1], [2]]);
  });
});
