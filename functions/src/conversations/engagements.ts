// Pure transitions of a conversation's engagements (each specialist's part of
// it). Functions write the returned array back in the same transaction as the
// status change that causes it, so metrics always see a consistent story.
import type { Level } from '../shared/catalogue';
import type { Engagement, EngagementOutcome, Time } from '../shared/model';

export interface EngagementStart {
  specialistId: string;
  /** What the user is shown for them (null while names are hidden): see shared/shownName. */
  shownName: string | null;
  level: Level;
}

/** The engagement still running (the last one, if its outcome is 'active'). */
export function activeEngagement(engagements: readonly Engagement[]): Engagement | undefined {
  const last = engagements[engagements.length - 1];
  return last?.outcome === 'active' ? last : undefined;
}

/** Appends a running engagement; a still-active previous one is a caller bug. */
export function startEngagement(engagements: readonly Engagement[], start: EngagementStart, at: Time): Engagement[] {
  if (activeEngagement(engagements)) {
    throw new Error('startEngagement: end the active engagement first');
  }
  return [
    ...engagements,
    { ...start, startedAt: at, endedAt: null, firstResponseAt: null, outcome: 'active', convertedToCase: false },
  ];
}

/** Ends the running engagement with `outcome`; unchanged (same array) when none runs. */
export function endEngagement(
  engagements: Engagement[],
  outcome: Exclude<EngagementOutcome, 'active'>,
  at: Time,
): Engagement[] {
  return replaceActive(engagements, (e) => ({ ...e, outcome, endedAt: at }));
}

/**
 * Records the first reply of the running engagement's specialist. Unchanged
 * when another specialist wrote, when it was already recorded, or when the
 * message predates the engagement (a late event from before a transfer).
 */
export function recordFirstResponse(engagements: Engagement[], specialistId: string, at: Time): Engagement[] {
  const active = activeEngagement(engagements);
  if (!active || active.specialistId !== specialistId || active.firstResponseAt !== null) return engagements;
  if (at.toMillis() < active.startedAt.toMillis()) return engagements;
  return replaceActive(engagements, (e) => ({ ...e, firstResponseAt: at }));
}

/**
 * Credits the latest engagement with converting the conversation into a case,
 * if it is `specialistId`'s. It may already have ended: a conversion can close
 * the conversation in the same step.
 */
export function markConvertedToCase(engagements: Engagement[], specialistId: string): Engagement[] {
  const last = engagements[engagements.length - 1];
  if (!last || last.specialistId !== specialistId || last.convertedToCase) return engagements;
  return [...engagements.slice(0, -1), { ...last, convertedToCase: true }];
}

function replaceActive(engagements: Engagement[], change: (e: Engagement) => Engagement): Engagement[] {
  const active = activeEngagement(engagements);
  if (!active) return engagements;
  return [...engagements.slice(0, -1), change(active)];
}
