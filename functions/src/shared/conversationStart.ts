// The one shape of a conversation as a user starts it. The web app, tests and the
// benchmark all create conversations through this, so the 20 fields the rules
// require in their starting state are written down once.
import { ENTRY_LEVEL } from './levels';
import type { ConversationDoc } from './model';

export interface ConversationOpener {
  projectId: string;
  userId: string;
  userName: string;
}

/** Same shape as ConversationDoc, with the two creation times as the caller's server-time sentinel. */
export type StartingConversation<ServerTime> = Omit<ConversationDoc, 'createdAt' | 'queuedAt'> & {
  createdAt: ServerTime;
  queuedAt: ServerTime;
};

/** `serverTime` is the SDK's `serverTimestamp()`: rules require both times to equal request.time. */
export function startingConversation<ServerTime>(
  opener: ConversationOpener,
  serverTime: () => ServerTime,
): StartingConversation<ServerTime> {
  return {
    projectId: opener.projectId,
    userId: opener.userId,
    userName: opener.userName,
    status: 'queued',
    level: ENTRY_LEVEL,
    specialistId: null,
    specialistName: null,
    createdAt: serverTime(),
    queuedAt: serverTime(),
    assignedAt: null,
    closedAt: null,
    closedBy: null,
    caseId: null,
    caseNumber: null,
    ticket: null,
    engagements: [],
    inactivityWarnedAt: null,
  };
}
