import { describe, expect, it } from 'vitest';
import { formatMessageTime, formatWait } from './format';

describe('formatWait', () => {
  it('rounds down to whole minutes and spells out hours', () => {
    expect(formatWait(59_999)).toBe('less than a minute');
    expect(formatWait(-5)).toBe('less than a minute');
    expect(formatWait(60_000)).toBe('1 minute');
    expect(formatWait(3 * 60_000 + 59_000)).toBe('3 minutes');
    expect(formatWait(60 * 60_000)).toBe('1 hour');
    expect(formatWait(125 * 60_000)).toBe('2 hours 5 minutes');
  });
});

describe('formatMessageTime', () => {
  it('shows only the time today and adds the date on other days', () => {
    const now = new Date(2025, 2, 3, 15, 0).getTime();
    expect(formatMessageTime(new Date(2025, 2, 3, 14, 5).getTime(), now, 'en-GB')).toBe('14:05');
    expect(formatMessageTime(new Date(2025, 2, 1, 9, 30).getTime(), now, 'en-GB')).toBe('1 Mar, 09:30');
  });
});
