// What a new message changes on its conversation: activity times for the
// inactivity sweep and the engagement's first response for metrics. Pure.
import type { ConversationDoc, Engagement, MessageDoc, Time } from '../shared/model';
import { recordFirstResponse } from './engagements';

export type ActivityView = Pick<
  ConversationDoc,
  'userId' | 'engagements' | 'lastMessageAt' | 'lastUserMessageAt' | 'inactivityWarnedAt'
>;
export type ActivityMessage = Pick<MessageDoc, 'authorId' | 'authorRole' | 'kind' | 'createdAt'>;

export interface ActivityChange {
  lastMessageAt?: Time;
  lastUserMessageAt?: Time;
  inactivityWarnedAt?: null;
  engagements?: Engagement[];
}

const later = (current: Time | null | undefined, candidate: Time) =>
  !current || candidate.toMillis() > current.toMillis();

/**
 * The fields to write, or null when the message changes nothing (system
 * messages, staff notes, a redelivered or out-of-order event). Times only move
 * forward, so replaying an event is harmless.
 */
export function activityChange(conversation: ActivityView, message: ActivityMessage): ActivityChange | null {
  if (message.kind !== 'text') return null;
  const change: ActivityChange = {};
  if (later(conversation.lastMessageAt, message.createdAt)) change.lastMessageAt = message.createdAt;
  if (message.authorRole === 'user' && message.authorId === conversation.userId) {
    if (later(conversation.lastUserMessageAt, message.createdAt)) change.lastUserMessageAt = message.createdAt;
    if (conversation.inactivityWarnedAt) change.inactivityWarnedAt = null;
  } else if (message.authorRole === 'specialist') {
    const engagements = conversation.engagements ?? [];
    const next = recordFirstResponse(engagements, message.authorId, message.createdAt);
    if (next !== engagements) change.engagements = next;
  } else {
    return null;
  }
  return Object.keys(change).length > 0 ? change : null;
}
