/** Small statistics for the bench: percentiles and order checks, pure. */

/**
 * The p-th percentile (0–100) by the nearest-rank method: the smallest value with at least
 * p% of the values at or below it. Always one of the measured values, never interpolated.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of no values');
  if (!(p >= 0 && p <= 100)) throw new Error(`percentile ${p} is outside 0–100`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export interface Summary {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

/** Count, median, 95th percentile and maximum of a set of timings. */
export function summarize(values: readonly number[]): Summary {
  return {
    count: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    max: Math.max(...values),
  };
}

/** Rounds to the given number of decimals (results.json keeps figures readable). */
export const round = (value: number, decimals = 1) => {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};

/**
 * How a listener received one conversation's messages, given the sequence numbers (send
 * order) in the order they arrived: `duplicates` counts a message seen again, `outOfOrder`
 * counts a message that arrived after a later one of the same conversation.
 */
export function deliveryFaults(arrivals: readonly number[]): {
  duplicates: number;
  outOfOrder: number;
} {
  const seen = new Set<number>();
  let duplicates = 0;
  let outOfOrder = 0;
  let highest = -Infinity;
  for (const seq of arrivals) {
    if (seen.has(seq)) {
      duplicates++;
      continue;
    }
    seen.add(seq);
    if (seq < highest) outOfOrder++;
    highest = Math.max(highest, seq);
  }
  return { duplicates, outOfOrder };
}
