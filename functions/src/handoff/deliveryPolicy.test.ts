import { describe, expect, it } from 'vitest';
import { WEBHOOK } from '../shared/catalogue';
import { backoffMs, describeTimeout, nextStep } from './deliveryPolicy';

const failure = { ok: false as const, statusCode: 500, error: 'HTTP 500' };

describe('nextStep', () => {
  it('delivers on success, whatever the attempt', () => {
    expect(nextStep({ ok: true, statusCode: 204 }, 1)).toEqual({ status: 'delivered' });
    expect(nextStep({ ok: true, statusCode: 200 }, WEBHOOK.maxAttempts + 3)).toEqual({ status: 'delivered' });
  });

  it('retries a failure soon at first, then with growing pauses until the last attempt, then fails', () => {
    expect(WEBHOOK.inProcessAttempts).toBe(2);
    expect(nextStep(failure, 1)).toEqual({ status: 'pending', retryInMs: WEBHOOK.inProcessPauseMs });
    expect(nextStep(failure, 2)).toEqual({ status: 'pending', retryInMs: WEBHOOK.firstBackoffMs });
    expect(nextStep(failure, 3)).toEqual({
      status: 'pending',
      retryInMs: WEBHOOK.firstBackoffMs * WEBHOOK.backoffFactor,
    });
    expect(nextStep(failure, WEBHOOK.maxAttempts - 1).status).toBe('pending');
    expect(nextStep(failure, WEBHOOK.maxAttempts)).toEqual({ status: 'failed' });
  });
});

describe('backoffMs', () => {
  it('grows and stops at the cap', () => {
    const pauses = Array.from({ length: WEBHOOK.maxAttempts }, (_, i) => backoffMs(i + 1));
    expect(pauses.every((p, i) => i === 0 || p >= pauses[i - 1]!)).toBe(true);
    expect(Math.max(...pauses)).toBe(WEBHOOK.maxBackoffMs);
  });
});

describe('describeTimeout', () => {
  it('says the timeout in seconds', () => {
    expect(describeTimeout(300)).toBe('No answer within 0.3 s (timed out).');
  });
});
