import { describe, expect, it, vi } from 'vitest';
import { isContention, withContentionRetry } from './contention';

const aborted = Object.assign(new Error('10 ABORTED: Transaction lock timeout'), { code: 10 });

describe('isContention', () => {
  it('recognises aborted, lock timeouts and unavailable', () => {
    expect(isContention(aborted)).toBe(true);
    expect(isContention({ code: 4 })).toBe(true);
    expect(isContention({ code: 14 })).toBe(true);
    expect(isContention(new Error('Too much contention on these documents. Please try again.'))).toBe(true);
  });

  it('recognises a transaction closed under its caller (INVALID_ARGUMENT), but no other invalid argument', () => {
    expect(
      isContention(Object.assign(new Error('3 INVALID_ARGUMENT: Transaction is invalid or closed.'), { code: 3 })),
    ).toBe(true);
    expect(
      isContention(
        Object.assign(new Error('3 INVALID_ARGUMENT: Value for argument "data" is not a valid Firestore document.'), {
          code: 3,
        }),
      ),
    ).toBe(false);
  });

  it('does not treat other failures as contention', () => {
    expect(isContention(Object.assign(new Error('denied'), { code: 7 }))).toBe(false);
    expect(isContention({ code: 'failed-precondition', message: 'No Level 2 specialist' })).toBe(false);
    expect(isContention(null)).toBe(false);
    expect(isContention('ABORTED')).toBe(false);
  });
});

describe('withContentionRetry', () => {
  const noSleep = vi.fn(async () => {});

  it('repeats after contention with growing delays and returns the result', async () => {
    const sleep = vi.fn(async () => {});
    const work = vi.fn().mockRejectedValueOnce(aborted).mockRejectedValueOnce(aborted).mockResolvedValue('done');
    await expect(withContentionRetry(work, { sleep, random: () => 0.5, baseDelayMs: 100 })).resolves.toBe('done');
    expect(work).toHaveBeenCalledTimes(3);
    expect(sleep.mock.calls).toEqual([[100], [200]]);
  });

  it('gives up after the last attempt with the contention error', async () => {
    const work = vi.fn().mockRejectedValue(aborted);
    await expect(withContentionRetry(work, { attempts: 3, sleep: noSleep })).rejects.toBe(aborted);
    expect(work).toHaveBeenCalledTimes(3);
  });

  it('does not repeat other errors', async () => {
    const denied = Object.assign(new Error('denied'), { code: 7 });
    const work = vi.fn().mockRejectedValue(denied);
    await expect(withContentionRetry(work, { sleep: noSleep })).rejects.toBe(denied);
    expect(work).toHaveBeenCalledTimes(1);
  });
});
