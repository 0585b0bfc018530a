// When a webhook delivery is tried again. An answer 2xx delivers; anything else
// (an error status, a refused connection, no answer within the timeout) is a
// failed attempt, retried with exponential backoff until WEBHOOK.maxAttempts.
// The first retries come after a short pause, inside the delivery trigger
// (a desk restarting answers again within seconds); later ones are due to the
// minute retry (retryWebhookDeliveries).
import { WEBHOOK } from '../shared/catalogue';

export type AttemptResult = { ok: true; statusCode: number } | { ok: false; statusCode: number | null; error: string };

export type NextStep = { status: 'delivered' } | { status: 'pending'; retryInMs: number } | { status: 'failed' };

/** Pause before the attempt after the `attempts`-th failure. */
export function backoffMs(attempts: number): number {
  if (attempts < WEBHOOK.inProcessAttempts) return WEBHOOK.inProcessPauseMs;
  const raw = WEBHOOK.firstBackoffMs * WEBHOOK.backoffFactor ** (attempts - WEBHOOK.inProcessAttempts);
  return Math.min(raw, WEBHOOK.maxBackoffMs);
}

/** What follows an attempt, `attempts` counting it. */
export function nextStep(result: AttemptResult, attempts: number): NextStep {
  if (result.ok) return { status: 'delivered' };
  if (attempts >= WEBHOOK.maxAttempts) return { status: 'failed' };
  return { status: 'pending', retryInMs: backoffMs(attempts) };
}

/** How an answer reads in the log; the receiver's body is not kept (it may echo anything). */
export function describeStatus(statusCode: number): string {
  return `The desk answered HTTP ${statusCode}; only 2xx counts as delivered.`;
}

export function describeTimeout(timeoutMs: number): string {
  return `No answer within ${timeoutMs / 1000} s (timed out).`;
}
