/**
 * Plans model passes for a set of segments: segments with the same step count run together, longest
 * first, at most `batchSize` per pass, so padding stays small and no segment gets a step count other
 * than its own. Small passes cost nearly as much as larger ones on a CPU (fixed per-call overhead),
 * which is why batching a request's short segments pays.
 */
export type Pass = { positions: number[]; steps: number };

export function planPasses(tokens: readonly number[], steps: readonly number[], batchSize: number): Pass[] {
  const groups = new Map<number, number[]>();
  tokens.forEach((_, i) => {
    const g = groups.get(steps[i]!) ?? [];
    g.push(i);
    groups.set(steps[i]!, g);
  });
  const passes: Pass[] = [];
  for (const [n, positions] of groups) {
    positions.sort((a, b) => tokens[b]! - tokens[a]! || a - b);
    for (let i = 0; i < positions.length; i += batchSize) passes.push({ positions: positions.slice(i, i + batchSize), steps: n });
  }
  return passes.sort((a, b) => Math.min(...a.positions) - Math.min(...b.positions));
}
