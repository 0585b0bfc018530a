// A conversation, its engagements (each specialist's part) and its messages.
import type { AuthorRole, ConversationStatus, Level, MessageKind, MessageVisibility } from '../catalogue';
import type { Time } from './time';

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
  /**
   * Functions only: the place in its line's ticket order while it waits (null
   * until routing sees it, and once served). The user's screen turns it into a
   * place with the line's document (shared/queueLine.ts).
   */
  ticket: number | null;
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
