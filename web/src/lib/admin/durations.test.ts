import { describe, expect, it } from 'vitest';
import { durationWords } from './durations';

describe('durationWords', () => {
  it('says hours, minutes and seconds, leaving out the zero parts', () => {
    expect(durationWords(600)).toBe('10 min');
    expect(durationWords(90)).toBe('1 min 30 s');
    expect(durationWords(86400)).toBe('24 h');
    expect(durationWords(3725)).toBe('1 h 2 min 5 s');
    expect(durationWords(45)).toBe('45 s');
    expect(durationWords(0)).toBe('0 s');
  });

  it('says nothing for a value that is not a duration', () => {
    expect(durationWords(null)).toBe('');
    expect(durationWords(Number.NaN)).toBe('');
    expect(durationWords(-5)).toBe('');
  });
});
