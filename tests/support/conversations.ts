// Conversations as functions leave them, for tests that seed state directly.
import { startingConversation, type ConversationOpener } from '$shared/conversationStart';
import type { ConversationDoc, Engagement } from '$shared/model';

/** Being served by the last engagement's specialist; created when the first engagement started. */
export function servedConversation(
  opener: ConversationOpener,
  engagements: Engagement[],
  extra: Partial<ConversationDoc> = {},
): ConversationDoc {
  const first = engagements[0];
  const last = engagements[engagements.length - 1];
  if (!first || !last) throw new Error('A served conversation needs at least one engagement.');
  return {
    ...startingConversation(opener, () => first.startedAt),
    status: 'assigned',
    level: last.level,
    specialistId: last.specialistId,
    specialistName: last.shownName,
    assignedAt: last.startedAt,
    engagements,
    ...extra,
  };
}
