import { describe, expect, it } from 'vitest';
import {
  addRatingAggregates,
  aggregateRatings,
  emptyRatingAggregate,
  isRatingScore,
  ratingDelta,
  utcDay,
} from './ratingBuckets';

describe('rating buckets', () => {
  it('accepts whole scores 1 to 5 only', () => {
    for (const score of [1, 2, 3, 4, 5]) expect(isRatingScore(score)).toBe(true);
    for (const bad of [0, 6, 2.5, '3', null, undefined, Number.NaN]) expect(isRatingScore(bad)).toBe(false);
  });

  it('turns one rating into a delta with all five distribution keys', () => {
    expect(ratingDelta(4)).toEqual({
      ratingCount: 1,
      ratingSum: 4,
      ratingDistribution: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 0 },
    });
  });

  it('adds to a stored aggregate, reading missing fields as zero', () => {
    const stored = { ratingCount: 2, ratingSum: 7, ratingDistribution: { '1': 0, '2': 1, '3': 0, '4': 0, '5': 1 } };
    expect(addRatingAggregates(stored, ratingDelta(5))).toEqual({
      ratingCount: 3,
      ratingSum: 12,
      ratingDistribution: { '1': 0, '2': 1, '3': 0, '4': 0, '5': 2 },
    });
    expect(addRatingAggregates({}, ratingDelta(1))).toEqual(ratingDelta(1));
    expect(addRatingAggregates(undefined, emptyRatingAggregate())).toEqual(emptyRatingAggregate());
  });

  it('buckets by UTC day, whatever the local clock says', () => {
    expect(utcDay(Date.parse('2026-03-04T23:59:59.999Z'))).toBe('2026-03-04');
    expect(utcDay(Date.parse('2026-03-05T00:30:00+02:00'))).toBe('2026-03-04');
    expect(utcDay(Date.parse('2026-03-05T00:00:00Z'))).toBe('2026-03-05');
  });

  it('folds ratings into totals and per-day buckets that add up to the totals', () => {
    const { totals, days } = aggregateRatings([
      { score: 5, createdAtMillis: Date.parse('2026-03-04T10:00:00Z') },
      { score: 3, createdAtMillis: Date.parse('2026-03-04T23:00:00Z') },
      { score: 5, createdAtMillis: Date.parse('2026-03-05T01:00:00Z') },
    ]);
    expect(totals).toEqual({
      ratingCount: 3,
      ratingSum: 13,
      ratingDistribution: { '1': 0, '2': 0, '3': 1, '4': 0, '5': 2 },
    });
    expect(Object.keys(days).sort()).toEqual(['2026-03-04', '2026-03-05']);
    expect(days['2026-03-04']).toEqual({
      ratingCount: 2,
      ratingSum: 8,
      ratingDistribution: { '1': 0, '2': 0, '3': 1, '4': 0, '5': 1 },
    });
    expect(days['2026-03-05']).toEqual(ratingDelta(5));
  });
});
