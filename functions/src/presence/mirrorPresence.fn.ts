// Production presence: the Realtime Database knows when a tab's connection drops
// (onDisconnect); this trigger copies /status/{uid} into presence/{uid}, where
// routing and the rules can read it.
import { onValueWritten } from 'firebase-functions/v2/database';
import { logger } from 'firebase-functions/v2';
import { FieldValue, Timestamp } from 'firebase-admin/firestore';
import { db } from '../platform/admin';
import { paths } from '../shared/catalogue';
import type { PresenceDoc, UserDoc } from '../shared/model';
import { mirrorDecision, type MirroredPresence } from './mirrorDecision';

function presenceFields(next: MirroredPresence) {
  const connections: Record<string, Timestamp> = {};
  for (const [id, at] of Object.entries(next.connections)) connections[id] = Timestamp.fromMillis(at);
  return {
    choice: next.choice,
    connections,
    updatedAt: FieldValue.serverTimestamp(),
    mirroredEventAt: Timestamp.fromMillis(next.mirroredEventAtMs),
  };
}

// No retries: a lost event heals itself, because every tab rewrites its RTDB
// entry each heartbeat interval and a stale entry expires by PRESENCE.ttlMs.
export const mirrorPresence = onValueWritten(paths.rtdbStatus('{uid}'), async (event) => {
  const uid = event.params.uid;
  const eventTimeMs = Date.parse(event.time);
  if (!uid || Number.isNaN(eventTimeMs)) {
    logger.error('mirrorPresence: event without uid or time', { ref: event.ref, time: event.time });
    return;
  }
  const ref = db.doc(paths.presence(uid));
  const value: unknown = event.data.after.val();
  await db.runTransaction(async (tx) => {
    const [presence, account] = await tx.getAll(ref, db.doc(paths.user(uid)));
    const existing = presence?.data() as PresenceDoc | undefined;
    const user = account?.data() as UserDoc | undefined;
    const decision = mirrorDecision(
      existing,
      value,
      eventTimeMs,
      user?.role === 'specialist' && user.disabled !== true,
    );
    if (decision.kind === 'drop') {
      logger.info('mirrorPresence: event dropped', { uid, reason: decision.reason });
      return;
    }
    tx.set(ref, presenceFields(decision.next));
  });
});
