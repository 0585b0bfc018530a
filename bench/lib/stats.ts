// Percentiles of latency samples, the same way for every metric so rows of one
// run compare. Pure.

export interface Summary {
  p50: number | null;
  p95: number | null;
  p99: number | null;
  n: number;
}

/** Nearest-rank percentile of ascending samples: the smallest value with at least q of the samples at or below it. */
export function percentile(ascending: readonly number[], q: number): number | null {
  if (ascending.length === 0) return null;
  const rank = Math.max(1, Math.ceil(q * ascending.length));
  return ascending[Math.min(rank, ascending.length) - 1] ?? null;
}

const round = (value: number | null, digits: number) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

export function summarize(samples: readonly number[], digits = 1): Summary {
  const ascending = [...samples].sort((a, b) => a - b);
  return {
    p50: round(percentile(ascending, 0.5), digits),
    p95: round(percentile(ascending, 0.95), digits),
    p99: round(percentile(ascending, 0.99), digits),
    n: ascending.length,
  };
}

/** A ratio of two percentiles, or null when either is missing or the baseline is zero. */
export function ratio(app: number | null, raw: number | null): number | null {
  if (app === null || raw === null || raw === 0) return null;
  return Math.round((app / raw) * 100) / 100;
}
