// The one catalogue of names shared by `web` and `functions`: collection paths,
// roles, levels, statuses and callable names. SDK-free on purpose, so the web
// bundle and the Cloud Functions build can both import it.

export const ROLES = ['admin', 'specialist', 'user'] as const;
export type Role = (typeof ROLES)[number];

/** Level 1 serves conversations users start; Level 2 only those transferred to it. */
export const LEVELS = [1, 2] as const;
export type Level = (typeof LEVELS)[number];

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
  project: (projectId: string) => `${COLLECTIONS.projects}/${projectId}`,
  member: (projectId: string, uid: string) =>
    `${COLLECTIONS.projects}/${projectId}/${SUBCOLLECTIONS.members}/${uid}`,
  projectSpecialist: (projectId: string, uid: string) =>
    `${COLLECTIONS.projects}/${projectId}/${SUBCOLLECTIONS.specialists}/${uid}`,
  caseConfig: (projectId: string, circumstance: CaseCircumstance) =>
    `${COLLECTIONS.projects}/${projectId}/${SUBCOLLECTIONS.caseConfig}/${circumstance}`,
  group: (groupId: string) => `${COLLECTIONS.groups}/${groupId}`,
  caseTemplate: (templateId: string) => `${COLLECTIONS.caseTemplates}/${templateId}`,
  case: (caseId: string) => `${COLLECTIONS.cases}/${caseId}`,
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
  specialistDay: (uid: string, day: string) =>
    `${COLLECTIONS.specialistStats}/${uid}/${SUBCOLLECTIONS.days}/${day}`,
  /** Phantom parent of one project's day buckets of a specialist (no document is written here). */
  specialistProject: (uid: string, projectId: string) =>
    `${COLLECTIONS.specialistStats}/${uid}/${SUBCOLLECTIONS.byProject}/${projectId}`,
  specialistProjectDay: (uid: string, projectId: string, day: string) =>
    `${COLLECTIONS.specialistStats}/${uid}/${SUBCOLLECTIONS.byProject}/${projectId}/${SUBCOLLECTIONS.days}/${day}`,
  specialistAppliedEvent: (uid: string, eventId: string) =>
    `${COLLECTIONS.specialistStats}/${uid}/${SUBCOLLECTIONS.appliedEvents}/${eventId}`,
  specialistLoad: (uid: string) => `${COLLECTIONS.specialistLoad}/${uid}`,
  /** Realtime Database path of one connection of one specialist (production presence). */
  rtdbConnection: (uid: string, connectionId: string) => `status/${uid}/connections/${connectionId}`,
  rtdbStatus: (uid: string) => `status/${uid}`,
} as const;

/** Case ids derive from their source, so a retried function cannot create a second case. */
export const caseIdFor = (circumstance: CaseCircumstance, sourceId: string) =>
  `${circumstance}_${sourceId}`;

export const CALLABLES = {
  setRole: 'setRole',
  transferToLevel2: 'transferToLevel2',
  convertToCase: 'convertToCase',
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
} as const;

/** Typing indicator: written at most every throttleMs, shown while younger than freshMs. */
export const TYPING = { throttleMs: 3_000, freshMs: 6_000 } as const;

/** Where the app runs its callables; must match functions' `setGlobalOptions`. */
export const FUNCTIONS_REGION = 'us-central1';
