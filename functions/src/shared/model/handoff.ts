// Hand-off to the organization's service desk: each project's webhook, its
// signing secret (functions only) and the log of deliveries (admins only).
import type { CaseCircumstance, CaseStatus, WebhookDeliveryStatus, WebhookEventType } from '../catalogue';
import type { Time } from './time';

/** webhooks/{projectId}: what an admin set. Read by admins; written by functions (saveWebhookConfig, rotateWebhookSecret). */
export interface WebhookConfigDoc {
  projectId: string;
  /** '' until an admin sets one. */
  url: string;
  enabled: boolean;
  /** Optimistic concurrency of url and enabled: +1 on each save (the secret does not count). */
  revision: number;
  /** When the signing secret was last set; null while there is none. The secret itself is in webhookSecrets. */
  secretSetAt: Time | null;
  updatedAt: Time;
  updatedBy: string;
}

/** webhookSecrets/{projectId}: closed to every client; functions sign with it. */
export interface WebhookSecretDoc {
  /** `whsec_` + base64 of the key bytes (Standard Webhooks). */
  secret: string;
  setAt: Time;
  setBy: string;
}

/** The JSON body of one event (Standard Webhooks: type, timestamp, data). */
export interface CaseEventBody {
  type: WebhookEventType;
  /** When the event happened (the case's updatedAt, else createdAt), ISO 8601. */
  timestamp: string;
  data: CaseEventData;
}

/** What the desk learns about a case: its public face, no transcript, no internal configuration. */
export interface CaseEventData {
  id: string;
  project: { id: string; name: string };
  number: number;
  subject: string;
  origin: CaseCircumstance;
  requester: { id: string; name: string };
  status: CaseStatus;
  assignee: { id: string; name: string | null } | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
  /** Path of the case in the help-desk web app, to be joined to its origin. */
  link: string;
}

/** webhookDeliveries/{eventId}: one event and its attempts. Read by admins; written by functions. */
export interface WebhookDeliveryDoc {
  projectId: string;
  caseId: string;
  type: WebhookEventType;
  revision: number;
  /** The exact bytes sent (and signed) on every attempt. */
  body: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: Time | null;
  /** When the next attempt is due (pending only), else null. */
  nextAttemptAt: Time | null;
  /** An attempt holds the delivery until then, so two runners never send it at once. */
  inFlightUntil: Time | null;
  deliveredAt: Time | null;
  createdAt: Time;
  updatedAt: Time;
}
