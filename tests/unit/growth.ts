/**
 * How a piece of work grows with its input, as a ratio rather than a time: a test asserts a
 * complexity bound (linear, not quadratic) that holds on a fast or a loaded machine alike, and
 * leaves absolute numbers to `npm run bench`.
 */

/** The fastest of `runs` runs, in milliseconds: the least disturbed by other work on the machine. */
function fastest(work: () => void, runs: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/**
 * Time of `work(factor)` over time of `work(1)`. Linear work gives about `factor` (less, while fixed
 * costs dominate); quadratic work gives about factor². The small run is floored at 1 ms so that
 * timer resolution cannot inflate the ratio.
 */
export function growth(work: (scale: number) => void, factor = 8, runs = 3): number {
  const small = fastest(() => work(1), runs);
  const large = fastest(() => work(factor), runs);
  return large / Math.max(small, 1);
}
