// Every change of a conversation's state, as the update functions write: one
// builder per transition, so assignment, transfer, requeue and closing are
// each written down once. Pure: the callers end the running engagement first
// (endEngagementIn, a read) and write what these return in the same
// transaction as the specialist load and the system message.
import type { ConversationDoc, Engagement, Time } from '../shared/model';
import { startEngagement, type EngagementStart } from './engagements';
import { ESCALATION_LEVEL } from '../shared/levels';

export type ConversationUpdate = Partial<ConversationDoc>;

/** Every specialist who took part, for the admin's detail query (a query cannot look inside engagements). */
function participants(conversation: Pick<ConversationDoc, 'participantIds'>, specialistId: string): string[] {
  const known = conversation.participantIds ?? [];
  return known.includes(specialistId) ? known : [...known, specialistId];
}

/** A served conversation passes to a Level 2 specialist (its Level 1 engagement `ended` as transferred). */
export function transferredTo(
  conversation: Pick<ConversationDoc, 'participantIds'>,
  ended: readonly Engagement[],
  to: EngagementStart,
  at: Time,
): ConversationUpdate {
  return {
    level: to.level,
    specialistId: to.specialistId,
    specialistName: to.shownName,
    assignedAt: at,
    engagements: startEngagement(ended, to, at),
    inactivityWarnedAt: null,
    participantIds: participants(conversation, to.specialistId),
  };
}

/** A waiting conversation gets its specialist (after ending any stray engagement: `ended`): a hand-over out of the queue. */
export function assigned(
  conversation: Pick<ConversationDoc, 'participantIds'>,
  ended: readonly Engagement[],
  to: EngagementStart,
  at: Time,
): ConversationUpdate {
  return { ...transferredTo(conversation, ended, to, at), status: 'assigned', ticket: null };
}

/** Its specialist vanished: back to the very front of the line, with the ticket before its head (shared/queueLine). */
export function requeued(ended: Engagement[], ticket: number): ConversationUpdate {
  return {
    status: 'queued',
    specialistId: null,
    specialistName: null,
    assignedAt: null,
    engagements: ended,
    inactivityWarnedAt: null,
    ticket,
  };
}

/**
 * A transfer found no Level 2 specialist free: the conversation leaves its Level 1
 * specialist (engagement `ended` as transferred) and joins the Level 2 line as a new
 * arrival there, so routing gives it a ticket behind those already waiting.
 */
export function awaitingLevel2(ended: Engagement[], at: Time): ConversationUpdate {
  return {
    status: 'queued',
    level: ESCALATION_LEVEL,
    specialistId: null,
    specialistName: null,
    assignedAt: null,
    engagements: ended,
    inactivityWarnedAt: null,
    queuedAt: at,
    ticket: null,
  };
}

/** A waiting conversation got its place in line. */
export function ticketed(ticket: number): ConversationUpdate {
  return { ticket };
}

/** The functions' close: inactivity, or a conversation that arrived while the chat was off. */
export function closedBySystem(at: Time): ConversationUpdate {
  return { status: 'closed', closedAt: at, closedBy: 'system' };
}

/** Closing was handled: engagement ended, out of the line, and the marker that makes it run once. */
export function closingDone(ended: Engagement[], at: Time): ConversationUpdate {
  return { engagements: ended, ticket: null, closingDoneAt: at };
}

/** The silent user was warned; a later message starts a new silence. */
export function inactivityWarned(at: Time): ConversationUpdate {
  return { inactivityWarnedAt: at };
}
