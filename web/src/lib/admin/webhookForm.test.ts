import { describe, expect, it } from 'vitest';
import type { WebhookConfigDoc } from '$shared/model';
import { caseNumberOf, cleanWebhook, lastAnswer, mayRetry, revisionOf, storedWebhook } from './webhookForm';

const at = (ms: number) => ({ toMillis: () => ms });

describe('storedWebhook', () => {
  it('versions the form by the revision, and an absent config as revision 0 with nothing set', () => {
    const absent = storedWebhook(null);
    expect(absent).toEqual({ version: null, values: { url: '', enabled: false } });
    expect(revisionOf(absent)).toBe(0);
    const doc: WebhookConfigDoc = {
      projectId: 'p',
      url: 'https://desk.example.com/h',
      enabled: true,
      revision: 3,
      secretSetAt: at(1),
      updatedAt: at(2),
      updatedBy: 'ada',
    };
    const stored = storedWebhook(doc);
    expect(stored).toEqual({ version: '3', values: { url: 'https://desk.example.com/h', enabled: true } });
    expect(revisionOf(stored)).toBe(3);
  });

  it('trims the URL before saving', () => {
    expect(cleanWebhook({ url: '  https://x.example/h ', enabled: false })).toEqual({
      url: 'https://x.example/h',
      enabled: false,
    });
  });
});

describe('the delivery log', () => {
  it('reads the case number from the body, and nothing from a body it cannot read', () => {
    expect(caseNumberOf({ body: JSON.stringify({ type: 'case.created', data: { number: 12 } }) })).toBe(12);
    expect(caseNumberOf({ body: 'not json' })).toBeNull();
  });

  it('says the last answer: the error first, else the status code', () => {
    expect(lastAnswer({ attempts: 0, lastStatusCode: null, lastError: null })).toBe('Not tried yet');
    expect(lastAnswer({ attempts: 1, lastStatusCode: 200, lastError: null })).toBe('HTTP 200');
    expect(lastAnswer({ attempts: 2, lastStatusCode: null, lastError: 'No answer within 10 s (timed out).' })).toBe(
      'No answer within 10 s (timed out).',
    );
  });

  it('offers "retry now" for undelivered events not being attempted', () => {
    expect(mayRetry({ status: 'failed', inFlightUntil: null }, 1000)).toBe(true);
    expect(mayRetry({ status: 'pending', inFlightUntil: at(2000) }, 1000)).toBe(false);
    expect(mayRetry({ status: 'pending', inFlightUntil: at(500) }, 1000)).toBe(true);
    expect(mayRetry({ status: 'delivered', inFlightUntil: null }, 1000)).toBe(false);
  });
});
