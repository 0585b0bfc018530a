// Signing of webhook requests, after the Standard Webhooks convention
// (standardwebhooks.com): three headers, and a signature that is the base64
// HMAC-SHA256, keyed with the secret's bytes, of `${id}.${timestamp}.${body}`.
// The delivery function signs with it, the tests' receiver verifies with it and
// the README's receiver example is the same code, so there is one definition of
// a valid signature.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SECRET_PREFIX = 'whsec_';

// A type alias, not an interface, so it passes where any header record is taken.
export type SignedHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

/** A new secret: `whsec_` + base64 of 32 random bytes. */
export function generateSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64');
}

function keyOf(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = Buffer.from(encoded, 'base64');
  if (key.length < 16) throw new Error('A webhook secret must hold at least 16 bytes of base64.');
  return key;
}

function signatureOf(secret: string, id: string, timestamp: string, body: string): string {
  return createHmac('sha256', keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest('base64');
}

/** The headers for one attempt; `timestampSeconds` is the attempt's Unix time. */
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): SignedHeaders {
  const timestamp = String(Math.floor(timestampSeconds));
  return {
    'webhook-id': id,
    'webhook-timestamp': timestamp,
    'webhook-signature': `v1,${signatureOf(secret, id, timestamp, body)}`,
  };
}

export type Verification = { ok: true } | { ok: false; reason: string };

/**
 * The receiver's check: the headers are present, the timestamp is within
 * `toleranceSeconds` of the receiver's clock (an old request replayed is
 * refused), and one of the space-separated `v1,` signatures matches (a desk may
 * accept several during a secret rotation). Compares in constant time.
 */
export function verifyWebhook(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
  { nowSeconds, toleranceSeconds }: { nowSeconds: number; toleranceSeconds: number },
): Verification {
  const header = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const id = header('webhook-id');
  const timestamp = header('webhook-timestamp');
  const signatures = header('webhook-signature');
  if (!id || !timestamp || !signatures) return { ok: false, reason: 'missing webhook-id, -timestamp or -signature' };
  if (!/^\d+$/.test(timestamp)) return { ok: false, reason: 'webhook-timestamp is not Unix seconds' };
  if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) {
    return { ok: false, reason: 'webhook-timestamp is too far from now' };
  }
  const expected = Buffer.from(signatureOf(secret, id, timestamp, body));
  const matches = signatures.split(' ').some((entry) => {
    const [version, signature] = entry.split(',', 2);
    if (version !== 'v1' || !signature) return false;
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? { ok: true } : { ok: false, reason: 'no signature matches' };
}
