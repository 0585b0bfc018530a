// Who gets the next conversation of a level: pure, so the rule is tested without
// an emulator and routing and transfers share it.
import type { Level } from '../shared/catalogue';
import type { PresenceDoc } from '../shared/model';
import { isAvailable, isConnected } from '../shared/availability';

/** A project's specialist at one level, with what routing knows about them right now. */
export interface Candidate {
  uid: string;
  displayName: string;
  level: Level;
  presence: PresenceDoc | undefined;
  /** Conversations they serve now (specialistLoad). */
  activeCount: number;
  /** When they were last given a conversation, or null if never. */
  lastAssignedAtMs: number | null;
}

export interface PickLimits {
  level: Level;
  maxConversations: number;
  nowMs: number;
}

/**
 * The available specialist of `level` with the fewest active conversations; ties
 * go to whoever waited longest since their last assignment (never assigned
 * first), then to the smaller uid so the choice is deterministic. Null when
 * nobody can take work.
 */
export function pickSpecialist(candidates: readonly Candidate[], limits: PickLimits): Candidate | null {
  const eligible = candidates.filter(
    (c) => c.level === limits.level && isAvailable(c.presence, c.activeCount, limits.maxConversations, limits.nowMs),
  );
  eligible.sort(
    (a, b) =>
      compare(a.activeCount, b.activeCount) ||
      compare(a.lastAssignedAtMs ?? Number.NEGATIVE_INFINITY, b.lastAssignedAtMs ?? Number.NEGATIVE_INFINITY) ||
      compare(a.uid, b.uid),
  );
  return eligible[0] ?? null;
}

function compare<T extends number | string>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * True when someone of `level` is on duty (chose available and is connected),
 * even if busy: the queue will move, so the user should wait rather than be
 * offered an offline message.
 */
export function someoneOnDuty(candidates: readonly Candidate[], level: Level, nowMs: number): boolean {
  return candidates.some(
    (c) => c.level === level && c.presence?.choice === 'available' && isConnected(c.presence, nowMs),
  );
}
