import { describe, expect, it } from 'vitest';
import { generateSecret, signWebhook, verifyWebhook } from './signature';

// Test vector from the Standard Webhooks reference libraries (standard-webhooks/libraries, webhook_test).
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};
const AT = { nowSeconds: VECTOR.timestamp, toleranceSeconds: 300 };

describe('signWebhook', () => {
  it('signs as the Standard Webhooks libraries do', () => {
    expect(signWebhook(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.body)).toEqual({
      'webhook-id': VECTOR.id,
      'webhook-timestamp': String(VECTOR.timestamp),
      'webhook-signature': VECTOR.signature,
    });
  });

  it('refuses a secret too short to be a key', () => {
    expect(() => signWebhook('whsec_abc', 'id', 1, '{}')).toThrow(/at least 16 bytes/);
  });
});

describe('verifyWebhook', () => {
  const headers = signWebhook(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.body);

  it('accepts what was signed with the same secret', () => {
    expect(verifyWebhook(VECTOR.secret, headers, VECTOR.body, AT)).toEqual({ ok: true });
  });

  it('refuses another secret, another body, another id', () => {
    const other = generateSecret();
    expect(verifyWebhook(other, headers, VECTOR.body, AT)).toEqual({ ok: false, reason: 'no signature matches' });
    expect(verifyWebhook(VECTOR.secret, headers, VECTOR.body + ' ', AT).ok).toBe(false);
    expect(verifyWebhook(VECTOR.secret, { ...headers, 'webhook-id': 'msg_other' }, VECTOR.body, AT).ok).toBe(false);
  });

  it('refuses a timestamp outside the tolerance, either way', () => {
    const late = { nowSeconds: VECTOR.timestamp + 301, toleranceSeconds: 300 };
    const early = { nowSeconds: VECTOR.timestamp - 301, toleranceSeconds: 300 };
    expect(verifyWebhook(VECTOR.secret, headers, VECTOR.body, late)).toEqual({
      ok: false,
      reason: 'webhook-timestamp is too far from now',
    });
    expect(verifyWebhook(VECTOR.secret, headers, VECTOR.body, early).ok).toBe(false);
    expect(verifyWebhook(VECTOR.secret, headers, VECTOR.body, { ...late, nowSeconds: late.nowSeconds - 1 }).ok).toBe(
      true,
    );
  });

  it('refuses missing headers and a timestamp that is not seconds', () => {
    const { 'webhook-signature': _dropped, ...unsigned } = headers;
    expect(verifyWebhook(VECTOR.secret, unsigned, VECTOR.body, AT).ok).toBe(false);
    expect(verifyWebhook(VECTOR.secret, { ...headers, 'webhook-timestamp': '2021-02-25' }, VECTOR.body, AT)).toEqual({
      ok: false,
      reason: 'webhook-timestamp is not Unix seconds',
    });
  });

  it('accepts any one matching v1 signature among several (a rotation) and ignores other versions', () => {
    const several = { ...headers, 'webhook-signature': `v1,bm90IGl0 v2,xyz ${headers['webhook-signature']}` };
    expect(verifyWebhook(VECTOR.secret, several, VECTOR.body, AT)).toEqual({ ok: true });
    const wrongVersion = { ...headers, 'webhook-signature': headers['webhook-signature'].replace('v1,', 'v2,') };
    expect(verifyWebhook(VECTOR.secret, wrongVersion, VECTOR.body, AT).ok).toBe(false);
  });
});

describe('generateSecret', () => {
  it('makes distinct whsec_ secrets of 32 bytes', () => {
    const a = generateSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(generateSecret()).not.toBe(a);
  });
});
