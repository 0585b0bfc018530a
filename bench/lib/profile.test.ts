import { describe, expect, it } from 'vitest';
import { parseProfile, roundsFor, sendWindowMs } from './profile';

describe('parseProfile', () => {
  it('runs everything at K = 1, 10, 50, 100 by default', () => {
    const profile = parseProfile([]);
    expect(profile.ks).toEqual([1, 10, 50, 100]);
    expect(profile.quick).toBe(false);
    expect(profile.sections).toEqual(['bundles', 'flows', 'cost', 'delivery', 'burst', 'throughput']);
  });

  it('keeps --quick to K = 1 and 10 with fewer messages', () => {
    const profile = parseProfile(['--quick']);
    expect(profile.ks).toEqual([1, 10]);
    expect(profile.samplesPerDirection).toBeLessThan(parseProfile([]).samplesPerDirection);
  });

  it('takes --k as a list, sorted and without repeats, in both spellings', () => {
    expect(parseProfile(['--k', '10,1,10']).ks).toEqual([1, 10]);
    expect(parseProfile(['--quick', '--k=50']).ks).toEqual([50]);
  });

  it('refuses a K that is not a whole number in range, and unknown options', () => {
    expect(() => parseProfile(['--k', '0'])).toThrow(/whole numbers/);
    expect(() => parseProfile(['--k', 'ten'])).toThrow(/whole numbers/);
    expect(() => parseProfile(['--k'])).toThrow(/comma-separated/);
    expect(() => parseProfile(['--fast'])).toThrow(/Unknown option --fast/);
  });

  it('selects sections with --only, in run order', () => {
    expect(parseProfile(['--only', 'cost,flows']).sections).toEqual(['flows', 'cost']);
    expect(() => parseProfile(['--only', 'latency'])).toThrow(/--only takes/);
  });
});

describe('rounds and send window', () => {
  it('aims at the sample target within the round bounds', () => {
    const profile = parseProfile([]);
    expect(roundsFor(profile, 1)).toBe(profile.maxRounds);
    expect(roundsFor(profile, 10)).toBe(20);
    expect(roundsFor(profile, 100)).toBe(profile.minRounds);
  });

  it('spreads K sends over K/25 seconds, at least 50 ms', () => {
    expect(sendWindowMs(1)).toBe(50);
    expect(sendWindowMs(50)).toBe(2000);
    expect(sendWindowMs(100)).toBe(4000);
  });
});
