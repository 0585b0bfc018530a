import { describe, expect, it } from 'vitest';
import { derive, emptyCounts, engagementsPerDay, sumCounts } from './summary';

describe('summing buckets', () => {
  it('adds every field, reading missing ones as zero', () => {
    const sum = sumCounts([
      { engagements: 2, attendedL1: 2, firstResponseCount: 1, firstResponseSumSeconds: 40 },
      { ratingCount: 1, ratingSum: 5, ratingDistribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 1 } },
      { engagements: 1, attendedL2: 1, transferredIn: 1, firstResponseCount: 1, firstResponseSumSeconds: 20 },
    ]);
    expect(sum).toEqual({
      ...emptyCounts(),
      engagements: 3,
      attendedL1: 2,
      attendedL2: 1,
      transferredIn: 1,
      firstResponseCount: 2,
      firstResponseSumSeconds: 60,
      ratingCount: 1,
      ratingSum: 5,
      ratingDistribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 1 },
    });
  });

  it('derives averages and shares from the sums, and nothing from nothing', () => {
    const counts = {
      ...emptyCounts(),
      engagements: 4,
      attendedL1: 4,
      transferredOut: 1,
      firstResponseCount: 3,
      firstResponseSumSeconds: 90,
      withinTargetCount: 2,
      durationSumSeconds: 1200,
      pickupCount: 0,
      ratingCount: 4,
      ratingSum: 15,
      ratingDistribution: { '1': 0, '2': 1, '3': 0, '4': 2, '5': 1 } as const,
    };
    expect(derive(counts)).toEqual({
      escalationRate: 0.25,
      averageRating: 3.75,
      satisfactionShare: 0.75,
      averageFirstResponseSeconds: 30,
      averageDurationSeconds: 300,
      withinTargetShare: 0.5,
      averagePickupSeconds: null,
    });
    expect(Object.values(derive(emptyCounts())).every((value) => value === null)).toBe(true);
  });

  it('lists engagements for every day of the range, zero where nobody worked', () => {
    const perDay = engagementsPerDay(
      [
        { day: '2026-03-02', counts: { engagements: 2 } },
        { day: '2026-03-02', counts: { engagements: 1 } },
        { day: '2026-03-04', counts: { ratingCount: 3 } },
      ],
      ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04'],
    );
    expect(perDay).toEqual([
      { day: '2026-03-01', engagements: 0 },
      { day: '2026-03-02', engagements: 3 },
      { day: '2026-03-03', engagements: 0 },
      { day: '2026-03-04', engagements: 0 },
    ]);
  });
});
