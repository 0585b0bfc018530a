// The one catalogue of names shared by `web` and `functions`: collection paths,
// roles, levels, statuses and callable names. SDK-free on purpose, so the web
// bundle and the Cloud Functions build can both import it.

export const ROLES = ['admin', 'specialist', 'user'] as const;
export type Role = (typeof ROLES)[number];

/** Level 1 serves conversations users start; Level 2 only those transferred to it. */
export const LEVELS = [1, 2] as const;
export type Level = (typeof LEVELS)[number];

export const isLevel = (value: unknown): value is Level => value === 1 || value === 2;

export const CONVERSATION_STATUSES = ['queued', 'assigned', 'closed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/** Who may see a message: everyone in the conversation, or specialists/admins only. */
export const MESSAGE_VISIBILITIES = ['all', 'staff'] as const;
export type MessageVisibility = (typeof MESSAGE_VISIBILITIES)[number];

export const MESSAGE_KINDS = ['text', 'system', 'note'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const AUTHOR_ROLES = ['user', 'specialist', 'system'] as const;
export type AuthorRole = (typeof AUTHOR_ROLES)[number];

export const AVAILABILITY_CHOICES = ['available', 'away'] as const;
export type AvailabilityChoice = (typeof AVAILABILITY_CHOICES)[number];

/** The two circumstances in which chat creates a case. */
export const CASE_CIRCUMSTANCES = ['offline', 'conversion'] as const;
export type CaseCircumstance = (typeof CASE_CIRCUMSTANCES)[number];

/** A case's life: new, taken up (in progress), resolved; a resolved case may be reopened (shared/caseFlow.ts). */
export const CASE_STATUSES = ['new', 'in_progress', 'resolved'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Who may read a case history entry: its requester too, or staff only (an internal comment). */
export const CASE_HISTORY_VISIBILITIES = ['all', 'staff'] as const;
export type CaseHistoryVisibility = (typeof CASE_HISTORY_VISIBILITIES)[number];

/** Events sent to a project's service desk (handoff/). */
export const WEBHOOK_EVENT_TYPES = ['case.created', 'case.updated'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/**
 * Delivery of webhook events. An attempt that gets no answer in time counts as
 * failed; failures retry with exponential backoff (handoff/deliveryPolicy.ts).
 */
export const WEBHOOK = {
  attemptTimeoutMs: 10_000,
  maxAttempts: 8,
  /** Attempts the delivery trigger makes itself before leaving the rest to the minute retry. */
  inProcessAttempts: 2,
  inProcessPauseMs: 2_000,
  /** Backoff after the n-th failure: first * factor^(n-1), capped. */
  firstBackoffMs: 30_000,
  backoffFactor: 4,
  maxBackoffMs: 6 * 60 * 60_000,
  /** Receivers should refuse a webhook-timestamp further than this from their clock. */
  toleranceSeconds: 5 * 60,
  urlMaxLength: 2000,
} as const;

/** Event ids: one per case revision, so a re-fired trigger finds the delivery it already made. */
export const webhookEventId = (caseId: string, revision: number) => `${caseId}~${revision}`;

/** Where a case is shown in the web app (the desk's link back): the admin console's case page. */
export const caseLinkPath = (caseId: string) => `/admin/cases/${encodeURIComponent(caseId)}`;

export const LIMITS = {
  messageText: 4000,
  offlineMessageText: 4000,
  ratingComment: 1000,
  displayName: 120,
  projectName: 120,
  shortcutKey: 32,
  shortcutText: 2000,
  shortcuts: 200,
  systemMessageText: 1000,
  caseTemplateFields: 50,
  /** firestore.rules enforce it on projects/{p}.description. */
  projectDescription: 2000,
} as const;

/**
 * Bounds on what one signed-in account can make the desk store or do; the rules
 * enforce each (docs/security.md lists them with their reasons).
 */
export const VOLUME = {
  /** Messages one author may write in one conversation (the sequence in the message id). */
  messagesPerAuthor: 2000,
  /** At most this many messages per author in any rolling `burstWindowSeconds`. */
  messageBurst: 30,
  burstWindowSeconds: 60,
  /** A user starts a new conversation in a project at most this often. */
  conversationStartIntervalSeconds: 10,
  /** A user leaves an offline message in a project at most this often. */
  offlineMessageIntervalMinutes: 10,
  /** Typing signals are written at most this often (the client throttles at TYPING.throttleMs). */
  typingIntervalSeconds: 1,
  /** Newest messages a conversion reads into its case transcript. */
  transcriptMessages: 1000,
} as const;

/**
 * A client's message id: `<author uid>~<4-digit sequence>`, the author's n-th
 * message in the conversation. The rules check the sequence (no gaps, a cap, a
 * rate); function-written ids (`system-…`, `note-…`) never contain `~`, so no
 * client can write where a function does.
 */
export const clientMessageId = (authorId: string, sequence: number) =>
  `${authorId}~${String(sequence).padStart(4, '0')}`;

/** The sequence of a client message id written by `authorId`, or null for any other id. */
export function messageSequence(messageId: string, authorId: string): number | null {
  const prefix = `${authorId}~`;
  if (!messageId.startsWith(prefix) || messageId.length !== prefix.length + 4) return null;
  const digits = messageId.slice(prefix.length);
  return /^[0-9]{4}$/.test(digits) ? Number(digits) : null;
}

/** Firestore collection and document paths. Subcollections are built by functions below. */
export const COLLECTIONS = {
  settings: 'settings',
  users: 'users',
  projects: 'projects',
  groups: 'groups',
  caseTemplates: 'caseTemplates',
  cases: 'cases',
  conversations: 'conversations',
  offlineMessages: 'offlineMessages',
  ratings: 'ratings',
  presence: 'presence',
  specialistStats: 'specialistStats',
  specialistLoad: 'specialistLoad',
  /** queues/{projectId}~{level}: functions-only state of one waiting line. */
  queues: 'queues',
  /** queueLeases/{projectId}~{level}: which routing pass drains a line now (functions only, closed to clients). */
  queueLeases: 'queueLeases',
  /** queueTallies/{projectId}~{level}: a line's tail and count (functions only, closed to clients). */
  queueTallies: 'queueTallies',
  /** webhooks/{projectId}: a project's service-desk webhook (admins read; functions write). */
  webhooks: 'webhooks',
  /** webhookSecrets/{projectId}: its signing secret (functions only, closed to clients). */
  webhookSecrets: 'webhookSecrets',
  /** webhookDeliveries/{caseId}~{revision}: one event's delivery log (admins read; functions write). */
  webhookDeliveries: 'webhookDeliveries',
  /** auditLog/{id}: one admin change each (functions only; admins read). */
  auditLog: 'auditLog',
} as const;

export const SUBCOLLECTIONS = {
  members: 'members',
  specialists: 'specialists',
  caseConfig: 'caseConfig',
  messages: 'messages',
  typing: 'typing',
  /** conversations/{c}/reads/{uid}: how far each participant has read. */
  reads: 'reads',
  days: 'days',
  appliedEvents: 'appliedEvents',
  /** specialistStats/{uid}/byProject/{projectId}/days/{day}: the day buckets of one project. */
  byProject: 'byProject',
  /** users/{uid}/projectChats/{projectId}: the user's chat slot in one project. */
  projectChats: 'projectChats',
  /** cases/{caseId}/history/{revision}: the case's audit trail (functions only). */
  history: 'history',
} as const;

export const SETTINGS_DOCS = {
  /** Global switch and the *General* tab. */
  chat: 'chat',
  /** The *Messages and shortcuts* tab. */
  chatMessages: 'chatMessages',
} as const;

export const paths = {
  chatSettings: () => `${COLLECTIONS.settings}/${SETTINGS_DOCS.chat}`,
  chatMessages: () => `${COLLECTIONS.settings}/${SETTINGS_DOCS.chatMessages}`,
  user: (uid: string) => `${COLLECTIONS.users}/${uid}`,
  projectChat: (uid: string, projectId: string) =>
    `${COLLECTIONS.users}/${uid}/${SUBCOLLECTIONS.projectChats}/${projectId}`,
  queue: (projectId: string, level: Level) => `${COLLECTIONS.queues}/${queueId(projectId, level)}`,
  queueLease: (projectId: string, level: Level) => `${COLLECTIONS.queueLeases}/${queueId(projectId, level)}`,
  queueTally: (projectId: string, level: Level) => `${COLLECTIONS.queueTallies}/${queueId(projectId, level)}`,
  project: (projectId: string) => `${COLLECTIONS.projects}/${projectId}`,
  member: (projectId: string, uid: string) => `${COLLECTIONS.projects}/${projectId}/${SUBCOLLECTIONS.members}/${uid}`,
  projectSpecialist: (projectId: string, uid: string) =>
    `${COLLECTIONS.projects}/${projectId}/${SUBCOLLECTIONS.specialists}/${uid}`,
  caseConfig: (projectId: string, circumstance: CaseCircumstance) =>
    `${COLLECTIONS.projects}/${projectId}/${SUBCOLLECTIONS.caseConfig}/${circumstance}`,
  group: (groupId: string) => `${COLLECTIONS.groups}/${groupId}`,
  caseTemplate: (templateId: string) => `${COLLECTIONS.caseTemplates}/${templateId}`,
  case: (caseId: string) => `${COLLECTIONS.cases}/${caseId}`,
  caseHistory: (caseId: string, revision: number) =>
    `${COLLECTIONS.cases}/${caseId}/${SUBCOLLECTIONS.history}/${revision}`,
  auditEntry: (entryId: string) => `${COLLECTIONS.auditLog}/${entryId}`,
  conversation: (conversationId: string) => `${COLLECTIONS.conversations}/${conversationId}`,
  message: (conversationId: string, messageId: string) =>
    `${COLLECTIONS.conversations}/${conversationId}/${SUBCOLLECTIONS.messages}/${messageId}`,
  typing: (conversationId: string, uid: string) =>
    `${COLLECTIONS.conversations}/${conversationId}/${SUBCOLLECTIONS.typing}/${uid}`,
  readMarker: (conversationId: string, uid: string) =>
    `${COLLECTIONS.conversations}/${conversationId}/${SUBCOLLECTIONS.reads}/${uid}`,
  offlineMessage: (id: string) => `${COLLECTIONS.offlineMessages}/${id}`,
  rating: (conversationId: string) => `${COLLECTIONS.ratings}/${conversationId}`,
  presence: (uid: string) => `${COLLECTIONS.presence}/${uid}`,
  specialistStats: (uid: string) => `${COLLECTIONS.specialistStats}/${uid}`,
  specialistDay: (uid: string, day: string) => `${COLLECTIONS.specialistStats}/${uid}/${SUBCOLLECTIONS.days}/${day}`,
  /** Phantom parent of one project's day buckets of a specialist (no document is written here). */
  specialistProject: (uid: string, projectId: string) =>
    `${COLLECTIONS.specialistStats}/${uid}/${SUBCOLLECTIONS.byProject}/${projectId}`,
  specialistProjectDay: (uid: string, projectId: string, day: string) =>
    `${COLLECTIONS.specialistStats}/${uid}/${SUBCOLLECTIONS.byProject}/${projectId}/${SUBCOLLECTIONS.days}/${day}`,
  specialistAppliedEvent: (uid: string, eventId: string) =>
    `${COLLECTIONS.specialistStats}/${uid}/${SUBCOLLECTIONS.appliedEvents}/${eventId}`,
  specialistLoad: (uid: string) => `${COLLECTIONS.specialistLoad}/${uid}`,
  webhook: (projectId: string) => `${COLLECTIONS.webhooks}/${projectId}`,
  webhookSecret: (projectId: string) => `${COLLECTIONS.webhookSecrets}/${projectId}`,
  webhookDelivery: (eventId: string) => `${COLLECTIONS.webhookDeliveries}/${eventId}`,
  /** Realtime Database path of one connection of one specialist (production presence). */
  rtdbConnection: (uid: string, connectionId: string) => `status/${uid}/connections/${connectionId}`,
  rtdbStatus: (uid: string) => `status/${uid}`,
} as const;

/** One waiting line: a project's conversations waiting for a specialist of one level. */
export const queueId = (projectId: string, level: Level) => `${projectId}~${level}`;

/** Case ids derive from their source, so a retried function cannot create a second case. */
export const caseIdFor = (circumstance: CaseCircumstance, sourceId: string) => `${circumstance}_${sourceId}`;

export const CALLABLES = {
  setRole: 'setRole',
  createAccount: 'createAccount',
  setAccountDisabled: 'setAccountDisabled',
  recordSignIn: 'recordSignIn',
  saveGroup: 'saveGroup',
  deleteGroup: 'deleteGroup',
  saveProject: 'saveProject',
  setProjectMembers: 'setProjectMembers',
  importAccounts: 'importAccounts',
  transferToLevel2: 'transferToLevel2',
  convertToCase: 'convertToCase',
  saveWebhookConfig: 'saveWebhookConfig',
  rotateWebhookSecret: 'rotateWebhookSecret',
  retryWebhookDelivery: 'retryWebhookDelivery',
  updateCase: 'updateCase',
} as const;

/**
 * Presence timing. A connection not refreshed within the TTL counts as gone. The
 * TTL outlasts Chrome's one-wake-per-minute throttling of long-hidden tabs, so a
 * specialist with the console in a background tab stays available.
 */
export const PRESENCE = {
  heartbeatIntervalMs: 15_000,
  ttlMs: 90_000,
  /** How long a vanished specialist's conversations wait before going back to the queue. */
  reassignGraceMs: 60_000,
  /** Open tabs (connections) one specialist may have; database.rules.json and firestore.rules enforce it. */
  maxConnections: 10,
} as const;

/**
 * RTDB connection keys are slots `slot0`..`slot9`: the Realtime Database rules
 * cannot count children, so a fixed key space is what bounds a specialist's
 * connections there. Each tab claims a free slot with a transaction.
 */
export const CONNECTION_SLOTS = Array.from({ length: PRESENCE.maxConnections }, (_, i) => `slot${i}`);

/** Typing indicator: written at most every throttleMs, shown while younger than freshMs. */
export const TYPING = { throttleMs: 3_000, freshMs: 6_000 } as const;

/** Where the app runs its callables; must match functions' `setGlobalOptions`. */
export const FUNCTIONS_REGION = 'us-central1';
