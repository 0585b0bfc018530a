// What an RTDB presence event means for presence/{uid}; pure, so ordering and
// idempotency are unit-tested without Firebase. mirror.ts does the I/O.
import { CONNECTION_SLOTS, type AvailabilityChoice } from '../shared/catalogue';
import type { PresenceDoc } from '../shared/model';

/** The presence document to write, with times in milliseconds (the trigger turns them into Timestamps). */
export interface MirroredPresence {
  choice: AvailabilityChoice;
  connections: Record<string, number>;
  mirroredEventAtMs: number;
}

export type MirrorDecision = { kind: 'write'; next: MirroredPresence } | { kind: 'drop'; reason: string };

/** A specialist seen for the first time has not chosen to take work yet. */
const FIRST_CHOICE: AvailabilityChoice = 'away';

/**
 * Connections from the RTDB value of /status/{uid}: `{connections: {id: {at: ms}}}`.
 * The database rules enforce that shape; entries that slipped past them are
 * ignored rather than trusted. A deleted node (null) means no connection.
 */
export function connectionsFromRtdb(value: unknown): Record<string, number> {
  const connections: Record<string, number> = {};
  if (!isRecord(value) || !isRecord(value.connections)) return connections;
  for (const [id, entry] of Object.entries(value.connections)) {
    if (!CONNECTION_SLOTS.includes(id)) continue;
    if (isRecord(entry) && typeof entry.at === 'number' && Number.isFinite(entry.at)) connections[id] = entry.at;
  }
  return connections;
}

/**
 * The RTDB node is the whole truth about connections, so a newer event replaces
 * the map; `choice` stays as the specialist set it in Firestore. An event older
 * than the last one mirrored arrived out of order and is dropped; the same event
 * delivered again yields the same document.
 */
export function mirrorDecision(
  existing: Pick<PresenceDoc, 'choice' | 'mirroredEventAt'> | undefined,
  rtdbValue: unknown,
  eventTimeMs: number,
  /** The account is a specialist now (users/{uid}): the RTDB rules can only check the token's claim, which outlives a demotion. */
  isSpecialist = true,
): MirrorDecision {
  if (!isSpecialist) return { kind: 'drop', reason: 'the account is not an active specialist' };
  const mirroredMs = existing?.mirroredEventAt?.toMillis();
  if (mirroredMs !== undefined && mirroredMs > eventTimeMs) {
    return { kind: 'drop', reason: `event at ${eventTimeMs} is older than the mirrored state at ${mirroredMs}` };
  }
  return {
    kind: 'write',
    next: {
      choice: existing?.choice ?? FIRST_CHOICE,
      connections: connectionsFromRtdb(rtdbValue),
      mirroredEventAtMs: eventTimeMs,
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
