import { describe, expect, it } from 'vitest';
import { daysIn, defaultRange, isDay, MAX_RANGE_DAYS, rangeBounds, rangeProblem, shiftDay, utcDayOf } from './days';

describe('UTC day ranges', () => {
  it('names days in UTC, whatever the offset of the moment', () => {
    expect(utcDayOf(Date.parse('2026-03-04T23:59:59.999Z'))).toBe('2026-03-04');
    expect(utcDayOf(Date.parse('2026-03-05T01:00:00+02:00'))).toBe('2026-03-04');
    expect(shiftDay('2026-02-28', 1)).toBe('2026-03-01');
    expect(shiftDay('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('defaults to the last 30 days including today', () => {
    const range = defaultRange(Date.parse('2026-03-04T08:00:00Z'));
    expect(range).toEqual({ from: '2026-02-03', to: '2026-03-04' });
    expect(daysIn(range)).toHaveLength(30);
  });

  it('accepts real days in order, up to the maximum length', () => {
    expect(rangeProblem({ from: '2026-03-01', to: '2026-03-01' })).toBeNull();
    expect(rangeProblem({ from: '2026-02-30', to: '2026-03-01' })).toMatch(/as dates/);
    expect(isDay('2026-3-1')).toBe(false);
    expect(rangeProblem({ from: '2026-03-02', to: '2026-03-01' })).toMatch(/must not come after/);
    expect(rangeProblem({ from: '2025-01-01', to: shiftDay('2025-01-01', MAX_RANGE_DAYS - 1) })).toBeNull();
    expect(rangeProblem({ from: '2025-01-01', to: shiftDay('2025-01-01', MAX_RANGE_DAYS) })).toMatch(/at most 366/);
  });

  it('bounds a range from the first midnight to the midnight after the last day', () => {
    const { startMs, endMs } = rangeBounds({ from: '2026-03-04', to: '2026-03-05' });
    expect(new Date(startMs).toISOString()).toBe('2026-03-04T00:00:00.000Z');
    expect(new Date(endMs).toISOString()).toBe('2026-03-06T00:00:00.000Z');
  });
});
