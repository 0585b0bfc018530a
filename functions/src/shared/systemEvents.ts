// The one catalogue of events the chat posts a message for, and of the ids
// those messages live under. Ids derive from the causing event, so a retried
// function writes the same document again instead of a duplicate. Clients can
// never write these ids: theirs are `<uid>~<sequence>` (clientMessageId), and
// these never contain `~`.

export const SYSTEM_EVENTS = {
  welcome: () => 'welcome',
  /** A waiting user told their place in the line, after `engagementCount` engagements (a transfer waiting for Level 2: 1). */
  queued: (engagementCount = 0) => (engagementCount ? `queued-${engagementCount}` : 'queued'),
  /** A waiting user told nobody is on duty, after `engagementCount` engagements. */
  nobodyAvailable: (engagementCount = 0) =>
    engagementCount ? `nobody-available-${engagementCount}` : 'nobody-available',
  /** The n-th engagement began by routing. */
  joined: (engagementCount: number) => `joined-${engagementCount}`,
  /** The n-th engagement began by a transfer. */
  transferred: (engagementCount: number) => `transferred-${engagementCount}`,
  /** The specialist vanished; back in line after the n-th engagement. */
  requeued: (engagementCount: number) => `requeued-${engagementCount}`,
  /** A silence that began at `sinceMs` was warned about. */
  inactivity: (sinceMs: number) => `inactivity-${sinceMs}`,
  caseLinked: (caseId: string) => `case-${caseId}`,
  /** The user's offline message became a case (one per conversation: the message's id is the conversation's). */
  offlineReceived: () => 'offline-received',
  closed: () => 'closed',
  ratingRequest: () => 'rating-request',
} as const;

/** Where the system message of an event lives. */
export const systemMessageId = (eventKey: string) => `system-${eventKey}`;

/** Where the internal note of the n-th engagement's transfer lives (written by the transfer callable). */
export const transferNoteId = (engagementCount: number) => `note-transfer-${engagementCount}`;
