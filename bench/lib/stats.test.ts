import { describe, expect, it } from 'vitest';
import { percentile, ratio, summarize } from './stats';

describe('percentile', () => {
  it('takes the nearest rank, never interpolating', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 0.95)).toBe(95);
    expect(percentile(values, 0.99)).toBe(99);
  });

  it('gives the only sample for any q, and null without samples', () => {
    expect(percentile([7], 0.01)).toBe(7);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });
});

describe('summarize', () => {
  it('sorts before ranking and counts the samples', () => {
    expect(summarize([30, 10, 20, 40])).toEqual({ p50: 20, p95: 40, p99: 40, n: 4 });
  });

  it('reports an empty series as nulls with n 0', () => {
    expect(summarize([])).toEqual({ p50: null, p95: null, p99: null, n: 0 });
  });
});

describe('ratio', () => {
  it('divides app by raw to two decimals', () => {
    expect(ratio(13, 10)).toBe(1.3);
    expect(ratio(2, 3)).toBe(0.67);
  });

  it('has no ratio against a missing or zero baseline', () => {
    expect(ratio(5, null)).toBeNull();
    expect(ratio(5, 0)).toBeNull();
  });
});
