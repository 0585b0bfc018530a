// Which event a case write announces to the project's service desk, and what it
// says. A case's birth is `case.created`; a later change of its status, assignee
// or revision is `case.updated`. Each event is named `${caseId}~${revision}`, so
// a trigger fired twice for one write names the same event twice.
// Fields added by the cases inbox (status, assignee, revision, updatedAt) are
// read defensively: a case written before they existed is 'new', revision 0.
import {
  CASE_STATUSES,
  caseLinkPath,
  webhookEventId,
  type CaseStatus,
  type WebhookEventType,
} from '../shared/catalogue';
import type { CaseEventBody, CaseEventData, Time } from '../shared/model';

/** A case as stored, with the inbox's fields possibly absent. */
export interface StoredCase {
  projectId?: unknown;
  number?: unknown;
  subject?: unknown;
  circumstance?: unknown;
  requesterId?: unknown;
  requesterName?: unknown;
  createdAt?: Time | null;
  status?: unknown;
  assigneeId?: unknown;
  assigneeName?: unknown;
  revision?: unknown;
  updatedAt?: Time | null;
}

export interface CaseEvent {
  eventId: string;
  type: WebhookEventType;
  revision: number;
}

export const statusOf = (c: StoredCase): CaseStatus =>
  (CASE_STATUSES as readonly unknown[]).includes(c.status) ? (c.status as CaseStatus) : 'new';

export const revisionOf = (c: StoredCase): number =>
  typeof c.revision === 'number' && Number.isInteger(c.revision) && c.revision >= 0 ? c.revision : 0;

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const assigneeOf = (c: StoredCase) => (typeof c.assigneeId === 'string' && c.assigneeId ? c.assigneeId : null);

/** The event a write of cases/{caseId} announces, or null (deleted, or nothing the desk follows changed). */
export function caseEventFor(
  caseId: string,
  before: StoredCase | undefined,
  after: StoredCase | undefined,
): CaseEvent | null {
  if (!after) return null;
  const revision = revisionOf(after);
  if (!before) return { eventId: webhookEventId(caseId, revision), type: 'case.created', revision };
  const changed =
    statusOf(before) !== statusOf(after) || assigneeOf(before) !== assigneeOf(after) || revisionOf(before) !== revision;
  return changed ? { eventId: webhookEventId(caseId, revision), type: 'case.updated', revision } : null;
}

const iso = (time: Time | null | undefined, fallbackMs: number) =>
  new Date(time?.toMillis() ?? fallbackMs).toISOString();

/** The body sent for `event`; `nowMs` stands in for a server time not yet resolved. */
export function caseEventBody(
  caseId: string,
  stored: StoredCase,
  projectName: string,
  event: CaseEvent,
  nowMs: number,
): CaseEventBody {
  const createdAt = iso(stored.createdAt, nowMs);
  const updatedAt = stored.updatedAt ? iso(stored.updatedAt, nowMs) : createdAt;
  const assigneeId = assigneeOf(stored);
  const data: CaseEventData = {
    id: caseId,
    project: { id: text(stored.projectId), name: projectName },
    number: typeof stored.number === 'number' ? stored.number : 0,
    subject: text(stored.subject),
    origin: stored.circumstance === 'conversion' ? 'conversion' : 'offline',
    requester: { id: text(stored.requesterId), name: text(stored.requesterName) },
    status: statusOf(stored),
    assignee: assigneeId
      ? { id: assigneeId, name: typeof stored.assigneeName === 'string' ? stored.assigneeName : null }
      : null,
    revision: event.revision,
    createdAt,
    updatedAt,
    link: caseLinkPath(caseId),
  };
  return { type: event.type, timestamp: event.type === 'case.created' ? createdAt : updatedAt, data };
}
