// The service-desk webhook form: what it edits (URL and switch) as a versioned
// value for the optimistic-concurrency helpers, and how a delivery reads in the log.
import type { WebhookConfigValues } from '$shared/callables';
import type { CaseEventBody, WebhookConfigDoc, WebhookDeliveryDoc } from '$shared/model';
import type { Stored } from './concurrency';

/** The stored config as the form loads it; the version is the revision (absent document: null, revision 0). */
export function storedWebhook(doc: WebhookConfigDoc | null): Stored<WebhookConfigValues> {
  return {
    version: doc ? String(doc.revision) : null,
    values: { url: doc?.url ?? '', enabled: doc?.enabled ?? false },
  };
}

export const revisionOf = (stored: Stored<WebhookConfigValues>): number =>
  stored.version === null ? 0 : Number(stored.version);

export const cleanWebhook = (values: WebhookConfigValues): WebhookConfigValues => ({
  url: values.url.trim(),
  enabled: values.enabled,
});

/** The case number the event carries, for the log; null when the body cannot be read. */
export function caseNumberOf(delivery: Pick<WebhookDeliveryDoc, 'body'>): number | null {
  try {
    const number = (JSON.parse(delivery.body) as CaseEventBody).data?.number;
    return typeof number === 'number' ? number : null;
  } catch {
    return null;
  }
}

/** The last answer in words: the status code, else the error. */
export function lastAnswer(delivery: Pick<WebhookDeliveryDoc, 'attempts' | 'lastStatusCode' | 'lastError'>): string {
  if (delivery.attempts === 0) return 'Not tried yet';
  if (delivery.lastError) return delivery.lastError;
  return delivery.lastStatusCode === null ? '—' : `HTTP ${delivery.lastStatusCode}`;
}

/** "Retry now" is offered for what is not delivered and not being attempted at this moment. */
export function mayRetry(delivery: Pick<WebhookDeliveryDoc, 'status' | 'inFlightUntil'>, nowMs: number): boolean {
  return delivery.status !== 'delivered' && (delivery.inFlightUntil?.toMillis() ?? 0) <= nowMs;
}
