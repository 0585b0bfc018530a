// Document shapes, one interface per collection. `docs/data-model.md` says who
// writes each field (client under rules, or functions only).
import type {
  AuthorRole,
  AvailabilityChoice,
  CaseCircumstance,
  ConversationStatus,
  Level,
  MessageKind,
  MessageVisibility,
  Role,
} from './catalogue';

/** Both SDKs' Timestamp satisfy this, so shared code never imports an SDK. */
export interface Time {
  toMillis(): number;
}

export interface ChatSettingsDoc {
  enabled: boolean;
  general: GeneralSettings;
  revision: number;
  updatedAt: Time;
  updatedBy: string;
}

export interface GeneralSettings {
  maxConversationsPerSpecialist: number;
  queueWaitSeconds: number;
  inactivityWarningSeconds: number;
  inactivityCloseSeconds: number;
  ratingEnabled: boolean;
  showSpecialistName: boolean;
  firstResponseTargetSeconds: number;
}

export type SystemMessageKey =
  | 'welcome'
  | 'queued'
  | 'specialistJoined'
  | 'transferred'
  | 'nobodyAvailable'
  | 'offlineReceived'
  | 'closed'
  | 'ratingRequest'
  | 'inactivityWarning';

export interface Shortcut {
  key: string;
  text: string;
}

export interface ChatMessagesDoc {
  messages: Record<SystemMessageKey, string>;
  shortcuts: Shortcut[];
  revision: number;
  updatedAt: Time;
  updatedBy: string;
}

/**
 * users/{uid}: the account as the desk knows it, and the one source of its role:
 * firestore.rules and the callables read `role` and `disabled` here on every
 * request, so a change takes effect at once (an ID token's claim would live on
 * for up to an hour). Functions only; the name is what every screen shows.
 */
export interface UserDoc {
  displayName: string;
  email: string;
  role: Role;
  /** True while an admin has disabled the account: it may do nothing. */
  disabled?: boolean;
  /** When the role or the disabled flag last changed (refresh tokens were revoked then). */
  roleChangedAt?: Time;
}

/**
 * users/{uid}/projectChats/{projectId}: the user's chat slot in one project,
 * written by the user in the same batch as what it guards. A new conversation
 * must take the slot, which the rules allow only once the previous one is
 * closed; an offline message must stamp `offlineMessageAt`, at most every
 * VOLUME.offlineMessageIntervalMinutes.
 */
export interface ProjectChatDoc {
  conversationId: string;
  startedAt: Time;
  offlineMessageAt: Time | null;
}

/** queues/{projectId}~{level}: functions only; lets the sweep find waiting lines without scanning conversations. */
export interface QueueDoc {
  projectId: string;
  level: Level;
  /** Conversations waiting, as the last routing pass counted them. */
  waiting: number;
  updatedAt: Time;
}

export interface ProjectDoc {
  name: string;
  description: string;
  /** Functions-only counter behind per-project sequential case numbers. */
  lastCaseNumber: number;
}

export interface MemberDoc {
  /** Same as the document id; lets a collection-group query find "my projects". */
  uid: string;
  displayName: string;
  addedAt: Time;
}

export interface ProjectSpecialistDoc {
  /** Same as the document id; lets a collection-group query find "my projects". */
  uid: string;
  displayName: string;
  level: Level;
  addedAt: Time;
  addedBy: string;
}

export interface GroupDoc {
  name: string;
  specialistIds: string[];
}

export interface CaseTemplateField {
  key: string;
  label: string;
  mandatory: boolean;
}

export interface CaseTemplateDoc {
  name: string;
  fields: CaseTemplateField[];
  updatedAt: Time;
}

export interface CaseDefaults {
  type: string;
  category: string;
  service: string;
  priority: 'low' | 'medium' | 'high' | 'critical';
  group: string;
}

export interface CaseConfigDoc {
  templateId: string;
  defaults: CaseDefaults;
  /** e.g. `Chat: {firstLine}` */
  subjectPattern: string;
  updatedAt: Time;
  updatedBy: string;
}

export interface CaseDoc {
  projectId: string;
  number: number;
  subject: string;
  templateId: string;
  defaults: CaseDefaults;
  circumstance: CaseCircumstance;
  sourceId: string;
  requesterId: string;
  requesterName: string;
  description: string;
  createdAt: Time;
  createdBy: string;
}

export interface ConversationDoc {
  projectId: string;
  userId: string;
  userName: string;
  status: ConversationStatus;
  level: Level;
  specialistId: string | null;
  /**
   * The name the user is shown for the serving specialist: null when none
   * serves, and null while settings hide specialists' names (the user can read
   * this document, so a hidden name must not be stored here).
   */
  specialistName: string | null;
  createdAt: Time;
  queuedAt: Time;
  assignedAt: Time | null;
  closedAt: Time | null;
  /** Who closed it; a client closing must name its own side. */
  closedBy: CloserRole | null;
  caseId: string | null;
  caseNumber: number | null;
  /** Functions only: 1-based place in the queue while queued, else null. */
  queuePosition: number | null;
  /** Functions only: true while queued with no connected specialist at this level (offer an offline message). */
  nobodyAvailable: boolean;
  /** Functions only: each specialist's part of the conversation, oldest first. */
  engagements: Engagement[];
  /**
   * Functions only: when the inactivity warning was sent. It covers the silence
   * that began before it; a later message starts a new silence. (No activity
   * times live here: every screen listens to this document, so a per-message
   * write would cost each participant a read. The sweep reads the latest message.)
   */
  inactivityWarnedAt: Time | null;
  /**
   * Functions only: when closing was handled (engagement ended, capacity freed,
   * goodbye posted). Absent until then; the marker that makes closing run once.
   */
  closingDoneAt?: Time;
  /**
   * Functions only (metrics): every specialist with an engagement here, so the
   * admin's "View detail" can query a specialist's conversations (a query cannot
   * look inside `engagements`). Absent until the first assignment is seen.
   */
  participantIds?: string[];
}

export type CloserRole = 'user' | 'specialist' | 'system';

export const ENGAGEMENT_OUTCOMES = ['active', 'closed', 'transferred', 'requeued'] as const;
export type EngagementOutcome = (typeof ENGAGEMENT_OUTCOMES)[number];

/** One specialist's part of a conversation: metrics credit work per engagement. */
export interface Engagement {
  specialistId: string;
  /** The name the user was shown for this specialist; null when names were hidden. Staff screens look names up by id. */
  shownName: string | null;
  level: Level;
  /** Assignment or transfer time. */
  startedAt: Time;
  endedAt: Time | null;
  /** The specialist's first text message; recorded when the engagement ends (found by one query then). */
  firstResponseAt: Time | null;
  outcome: EngagementOutcome;
  /** True when this specialist converted the conversation into a case. */
  convertedToCase: boolean;
}

/** Functions only: what a specialist is serving now; capacity checks read it in transactions. */
export interface SpecialistLoadDoc {
  activeConversationIds: string[];
  updatedAt: Time;
  /** When routing or a transfer last gave them a conversation; breaks ties between equally busy specialists. */
  lastAssignedAt?: Time;
}

/**
 * No author name: a name a client typed could impersonate anyone. Screens and
 * transcripts name the author from the account (`userName`, an engagement's
 * `shownName`, a staff directory) by `authorId`.
 */
export interface MessageDoc {
  authorId: string;
  authorRole: AuthorRole;
  kind: MessageKind;
  visibility: MessageVisibility;
  text: string;
  createdAt: Time;
}

export interface TypingDoc {
  at: Time;
}

/**
 * conversations/{c}/reads/{uid}: the participant had read everything up to `at`.
 * Kept off the conversation document, which functions own and which would
 * otherwise take a write each time someone reads.
 */
export interface ReadMarkerDoc {
  at: Time;
}

export interface OfflineMessageDoc {
  projectId: string;
  userId: string;
  userName: string;
  text: string;
  createdAt: Time;
  caseId: string | null;
  caseNumber: number | null;
  /**
   * Functions only, absent until the offline trigger runs: why no case could be
   * created (e.g. the configured template has mandatory fields), else null. The
   * message itself is kept either way. Optional because clients create the doc
   * without it.
   */
  caseError?: string | null;
}

export interface RatingDoc {
  conversationId: string;
  projectId: string;
  userId: string;
  specialistId: string;
  score: 1 | 2 | 3 | 4 | 5;
  comment: string;
  createdAt: Time;
}

export interface PresenceDoc {
  /** What the specialist chose; availability also needs a fresh connection. */
  choice: AvailabilityChoice;
  /** One entry per open tab or device: connection id -> last sign of life. */
  connections: Record<string, Time>;
  updatedAt: Time;
  /** Functions only (RTDB mirror): time of the newest mirrored RTDB event, to drop out-of-order ones. */
  mirroredEventAt?: Time;
}

export type RatingScoreKey = '1' | '2' | '3' | '4' | '5';

/** Rating totals; average = ratingSum / ratingCount. */
export interface RatingAggregate {
  ratingCount: number;
  ratingSum: number;
  /** Every score key is present, 0 when unused, so charts need no gap filling. */
  ratingDistribution: Record<RatingScoreKey, number>;
}

/**
 * specialistStats/{uid}: all-time aggregates of one specialist; functions only.
 * Each aggregate (ratings now, conversation outcomes later) owns its own fields,
 * adds to them with increments and reads a missing field as zero, so a document
 * may hold any subset and a new aggregate is one more `Partial<...>` here.
 */
export interface SpecialistStatsDoc extends Partial<RatingAggregate>, Partial<OutcomeAggregate> {
  updatedAt: Time;
}

/** specialistStats/{uid}/days/{yyyy-mm-dd}: the same aggregates for one UTC day. */
export interface SpecialistDayDoc extends Partial<RatingAggregate>, Partial<OutcomeAggregate> {
  /** Same as the document id, for range queries over days. */
  day: string;
  updatedAt: Time;
}

/** specialistStats/{uid}/byProject/{projectId}/days/{yyyy-mm-dd}: one project's share of a day. */
export interface SpecialistProjectDayDoc extends SpecialistDayDoc {
  projectId: string;
}

/**
 * Conversation outcomes credited per engagement (one specialist's part of a
 * conversation), as counts and sums so every average is exact: average first
 * response = firstResponseSumSeconds / firstResponseCount. Definitions: docs/metrics.md.
 */
export interface OutcomeAggregate {
  engagements: number;
  attendedL1: number;
  attendedL2: number;
  /** Level 1 engagements that ended in a transfer to level 2. */
  transferredOut: number;
  /** Level 2 engagements: a conversation reaches level 2 only by a transfer. */
  transferredIn: number;
  convertedToCase: number;
  firstResponseCount: number;
  firstResponseSumSeconds: number;
  /** Engagements whose first response came within settings general.firstResponseTargetSeconds. */
  withinTargetCount: number;
  durationSumSeconds: number;
  /** Level 2 engagements that answered after a transfer: transfer -> first response. */
  pickupCount: number;
  pickupSumSeconds: number;
}

/** Every OutcomeAggregate field, for code that adds, compares or shows them all. */
export const OUTCOME_FIELDS = [
  'engagements',
  'attendedL1',
  'attendedL2',
  'transferredOut',
  'transferredIn',
  'convertedToCase',
  'firstResponseCount',
  'firstResponseSumSeconds',
  'withinTargetCount',
  'durationSumSeconds',
  'pickupCount',
  'pickupSumSeconds',
] as const satisfies readonly (keyof OutcomeAggregate)[];

/**
 * specialistStats/{uid}/appliedEvents/{eventId}: marks a source event as counted,
 * created in the same transaction as the increments so a replay counts nothing.
 */
export interface AppliedStatsEventDoc {
  /**
   * rating: a rating's totals, day bucket and project day bucket;
   * conversation: a closed conversation's outcomes; conversion: its conversion into a case
   * (counted on its own because a conversion can land just after the close).
   */
  kind: 'rating' | 'conversation' | 'conversion';
  sourceId: string;
  appliedAt: Time;
}
