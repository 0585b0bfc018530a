// What the minute sweep does to one assigned conversation: give it back to the
// queue when its specialist vanished, or warn and then close a silent user.
// Pure; sweepConversations.ts loads the documents and applies the decision.
import { PRESENCE, type Level } from '../shared/catalogue';
import type { GeneralSettings, PresenceDoc } from '../shared/model';
import { isConnected, newestSignOfLife } from '../shared/availability';

/** The newest text message of a conversation (system messages and staff notes are not activity). */
export interface LastText {
  atMs: number;
  /** Written by the conversation's user (else by a specialist). */
  byUser: boolean;
}

export interface AssignedView {
  assignedAtMs: number;
  /** Null before anyone wrote. */
  lastText: LastText | null;
  inactivityWarnedAtMs: number | null;
}

export type InactivityAction = { kind: 'none' } | { kind: 'warn'; silenceSinceMs: number } | { kind: 'close' };

/** The sweep's first look at an assigned conversation, from the conversation and presence alone. */
export type SweepTriage = 'requeue' | 'check-inactivity' | 'none';

export type InactivityLimits = Pick<GeneralSettings, 'inactivityWarningSeconds' | 'inactivityCloseSeconds'>;

/**
 * Since when the specialist counts as not connected: their newest connection's
 * expiry (heartbeats stopped), or the presence write that removed a connection
 * (RTDB disconnect, tab closed), whichever is later; never before the
 * assignment, which proves they were there at that moment.
 */
export function disconnectedSinceMs(presence: PresenceDoc | undefined, assignedAtMs: number): number {
  const newest = newestSignOfLife(presence);
  return Math.max(
    newest === null ? Number.NEGATIVE_INFINITY : newest + PRESENCE.ttlMs,
    presence?.updatedAt?.toMillis() ?? Number.NEGATIVE_INFINITY,
    assignedAtMs,
  );
}

/** Gone: not connected now, and not for longer than the reassignment grace. */
export function specialistGone(presence: PresenceDoc | undefined, assignedAtMs: number, nowMs: number): boolean {
  return (
    !isConnected(presence, nowMs) && nowMs - disconnectedSinceMs(presence, assignedAtMs) > PRESENCE.reassignGraceMs
  );
}

/**
 * When the user's current silence began, or null while it is the user who waits
 * for an answer (they wrote last): a user is only "inactive" when it is their
 * turn, i.e. since the assignment or the specialist's latest message.
 */
export function silenceSinceMs(view: AssignedView): number | null {
  if (view.lastText?.byUser) return null;
  return Math.max(view.assignedAtMs, view.lastText?.atMs ?? Number.NEGATIVE_INFINITY);
}

/**
 * False while the assignment is too recent for any inactivity action: a silence
 * never starts before the assignment, so the sweep can skip reading messages.
 */
export function inactivityPossible(assignedAtMs: number, limits: InactivityLimits, nowMs: number): boolean {
  const soonestSeconds = Math.min(limits.inactivityWarningSeconds, limits.inactivityCloseSeconds);
  return nowMs - assignedAtMs >= soonestSeconds * 1000;
}

/** Warning once per silence, then closing; never closing a user who was not warned. */
export function inactivityAction(view: AssignedView, limits: InactivityLimits, nowMs: number): InactivityAction {
  const since = silenceSinceMs(view);
  if (since === null) return { kind: 'none' };
  const silentMs = nowMs - since;
  const warned = view.inactivityWarnedAtMs !== null && view.inactivityWarnedAtMs >= since;
  if (!warned) {
    return silentMs >= limits.inactivityWarningSeconds * 1000
      ? { kind: 'warn', silenceSinceMs: since }
      : { kind: 'none' };
  }
  return silentMs >= limits.inactivityCloseSeconds * 1000 ? { kind: 'close' } : { kind: 'none' };
}

/**
 * A vanished specialist comes first: the user is not to blame for an unanswered
 * chat. Only then, and only once the assignment is old enough, is the user's
 * silence worth reading the latest message for.
 */
export function triage(
  assignedAtMs: number,
  presence: PresenceDoc | undefined,
  limits: InactivityLimits,
  nowMs: number,
): SweepTriage {
  if (specialistGone(presence, assignedAtMs, nowMs)) return 'requeue';
  return inactivityPossible(assignedAtMs, limits, nowMs) ? 'check-inactivity' : 'none';
}

export interface QueueKey {
  projectId: string;
  level: Level;
}

/** Each project and level with queued conversations, once. */
export function distinctQueues(queued: readonly QueueKey[]): QueueKey[] {
  const seen = new Map<string, QueueKey>();
  for (const q of queued) seen.set(`${q.projectId}\u0000${q.level}`, { projectId: q.projectId, level: q.level });
  return [...seen.values()];
}
