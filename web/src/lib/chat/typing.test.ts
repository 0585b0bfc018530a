import { describe, expect, it } from 'vitest';
import { TYPING } from '$shared/catalogue';
import { CLOCK_SKEW_ALLOWANCE_MS, isTypingFresh, shouldSignalTyping } from './typing';

describe('shouldSignalTyping', () => {
  it('writes on the first keystroke, then at most once per throttle period', () => {
    expect(shouldSignalTyping(null, 10)).toBe(true);
    expect(shouldSignalTyping(10, 10 + TYPING.throttleMs - 1)).toBe(false);
    expect(shouldSignalTyping(10, 10 + TYPING.throttleMs)).toBe(true);
  });

  it('keeps a steady typist to one write per period', () => {
    let last: number | null = null;
    let writes = 0;
    for (let t = 0; t < 30_000; t += 100) {
      if (shouldSignalTyping(last, t, 3_000)) {
        writes++;
        last = t;
      }
    }
    expect(writes).toBe(10);
  });
});

describe('isTypingFresh', () => {
  it('shows a sign until freshMs after it arrived', () => {
    const sign = { atMs: 5_000, receivedAtMs: 5_000 };
    expect(isTypingFresh(sign, 5_000 + TYPING.freshMs - 1)).toBe(true);
    expect(isTypingFresh(sign, 5_000 + TYPING.freshMs)).toBe(false);
  });

  it('ignores a browser clock that runs ahead of the server', () => {
    const ahead = 40_000;
    expect(isTypingFresh({ atMs: 5_000, receivedAtMs: 5_000 + ahead }, 5_000 + ahead + 1_000)).toBe(true);
  });

  it('never shows a sign the server stamped long ago, e.g. from a tab closed mid-sentence', () => {
    const old = { atMs: 0, receivedAtMs: 10 * 60_000 };
    expect(isTypingFresh(old, 10 * 60_000 + 10)).toBe(false);
    expect(isTypingFresh({ atMs: 0, receivedAtMs: 1 }, TYPING.freshMs + CLOCK_SKEW_ALLOWANCE_MS - 1)).toBe(false);
  });

  it('shows nothing without a sign, and a pending one while it is new', () => {
    expect(isTypingFresh(null, 1)).toBe(false);
    expect(isTypingFresh({ atMs: null, receivedAtMs: 100 }, 200)).toBe(true);
  });
});
