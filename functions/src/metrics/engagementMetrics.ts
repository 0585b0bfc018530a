// What a closed conversation adds to its specialists' statistics: one
// contribution per engagement (one specialist's part of the conversation),
// bucketed by the UTC day the engagement started. Pure; the close trigger turns
// contributions into increments and the recompute folds every conversation with
// the same functions, so the live numbers and a backfill cannot drift apart.
// Definitions in words: docs/metrics.md.
import type { ConversationStatus } from '../shared/catalogue';
import { OUTCOME_FIELDS, type Engagement, type OutcomeAggregate, type Time } from '../shared/model';
import { utcDay } from '../ratings/ratingBuckets';

export { OUTCOME_FIELDS };

export function emptyOutcome(): OutcomeAggregate {
  return Object.fromEntries(OUTCOME_FIELDS.map((field) => [field, 0])) as Record<keyof OutcomeAggregate, number>;
}

/** Adds `delta` to a stored aggregate, reading missing fields (a doc only ratings touched) as zero. */
export function addOutcomes(stored: Partial<OutcomeAggregate> | undefined, delta: OutcomeAggregate): OutcomeAggregate {
  const sum = emptyOutcome();
  for (const field of OUTCOME_FIELDS) sum[field] = (stored?.[field] ?? 0) + delta[field];
  return sum;
}

export interface ConversationOutcomeView {
  projectId: string;
  status: ConversationStatus;
  engagements?: readonly Engagement[] | null;
}

/**
 * Closed, with no engagement still running. A client's close only flips the
 * status; the closing function ends the last engagement a moment later, and
 * only then is the story complete (its first response can still land in between).
 */
export function isSettled(conversation: ConversationOutcomeView | undefined): boolean {
  if (conversation?.status !== 'closed') return false;
  return !(conversation.engagements ?? []).some((e) => e.outcome === 'active');
}

export interface EngagementContribution {
  specialistId: string;
  projectId: string;
  /** UTC day of the engagement's start. */
  day: string;
  delta: OutcomeAggregate;
}

/**
 * Whole seconds between two moments, rounded per engagement: integer sums add
 * up to the same total in any order, which floating-point sums of fractions
 * would not, and a recompute must match the increments exactly.
 */
const secondsBetween = (from: Time, to: Time) => Math.max(0, Math.round((to.toMillis() - from.toMillis()) / 1000));

/**
 * One contribution per ended engagement, oldest first. An engagement without
 * an end (never closed properly) credits nothing. A level 2 specialist's pickup
 * time runs from the transfer to the first response of the first level 2
 * engagement that answered after it, so a transfer is picked up at most once.
 */
export function conversationContributions(
  conversation: ConversationOutcomeView,
  firstResponseTargetSeconds: number,
): EngagementContribution[] {
  const contributions: EngagementContribution[] = [];
  let awaitingPickupSince: Time | null = null;
  for (const engagement of conversation.engagements ?? []) {
    const { endedAt, startedAt, firstResponseAt } = engagement;
    if (engagement.outcome === 'active' || !endedAt) continue;
    const delta = emptyOutcome();
    delta.engagements = 1;
    if (engagement.level === 1) delta.attendedL1 = 1;
    if (engagement.level === 2) {
      delta.attendedL2 = 1;
      delta.transferredIn = 1;
    }
    if (engagement.level === 1 && engagement.outcome === 'transferred') delta.transferredOut = 1;
    if (engagement.convertedToCase) delta.convertedToCase = 1;
    delta.durationSumSeconds = secondsBetween(startedAt, endedAt);
    if (firstResponseAt) {
      delta.firstResponseCount = 1;
      delta.firstResponseSumSeconds = secondsBetween(startedAt, firstResponseAt);
      // Judged on the exact interval, not the rounded seconds: 60.4 s misses a 60 s target.
      const withinTarget = firstResponseAt.toMillis() - startedAt.toMillis() <= firstResponseTargetSeconds * 1000;
      if (withinTarget) delta.withinTargetCount = 1;
      if (engagement.level === 2 && awaitingPickupSince) {
        delta.pickupCount = 1;
        delta.pickupSumSeconds = secondsBetween(awaitingPickupSince, firstResponseAt);
        awaitingPickupSince = null;
      }
    }
    if (engagement.outcome === 'transferred') awaitingPickupSince = endedAt;
    contributions.push({
      specialistId: engagement.specialistId,
      projectId: conversation.projectId,
      day: utcDay(startedAt.toMillis()),
      delta,
    });
  }
  return contributions;
}

/** How many engagements are credited with converting the conversation into a case. */
export function conversionsIn(engagements: readonly Engagement[] | null | undefined): number {
  return (engagements ?? []).filter((e) => e.convertedToCase).length;
}

/**
 * A contribution in two parts counted as separate events: the conversion into
 * a case can be recorded just after the close (the case is created, the user
 * closes, then the case is linked), so it gets its own marker.
 */
export function splitConversion(delta: OutcomeAggregate): { outcome: OutcomeAggregate; conversion: OutcomeAggregate } {
  const conversion = emptyOutcome();
  conversion.convertedToCase = delta.convertedToCase;
  return { outcome: { ...delta, convertedToCase: 0 }, conversion };
}

export function isEmptyOutcome(delta: OutcomeAggregate): boolean {
  return OUTCOME_FIELDS.every((field) => delta[field] === 0);
}

/**
 * Whether an update of a conversation is the moment to count it: it just
 * settled, or it had settled and a conversion into a case was recorded since.
 * Every other update (queue positions, activity times) is ignored before any read.
 */
export function outcomeChanged(
  before: ConversationOutcomeView | undefined,
  after: ConversationOutcomeView | undefined,
): boolean {
  if (!isSettled(after)) return false;
  return !isSettled(before) || conversionsIn(before?.engagements) !== conversionsIn(after?.engagements);
}

/** Specialists of the engagements, in order of first appearance. */
export function participantIdsOf(engagements: readonly Engagement[] | null | undefined): string[] {
  return [
    ...new Set((engagements ?? []).map((e) => e.specialistId).filter((id) => typeof id === 'string' && id !== '')),
  ];
}
