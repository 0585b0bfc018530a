// A specialist vanished mid-conversation (tab closed, laptop asleep) for longer
// than the grace period: the conversation goes back to the queue with its
// ORIGINAL queuedAt, so it is first in line for the next specialist.
import { Timestamp } from 'firebase-admin/firestore';
import { db } from '../platform/admin';
import { paths } from '../shared/catalogue';
import { SYSTEM_EVENTS } from '../shared/systemEvents';
import { releaseLoad } from '../routing/load.io';
import { lineIn } from '../routing/waitingQueues.io';
import { rejoinFront } from '../shared/queueLine';
import { requeued } from './transitions';
import type { ConversationDoc, PresenceDoc } from '../shared/model';
import { withContentionRetry } from '../platform/contention';
import { endEngagementIn } from './activity.io';
import { specialistGone, type QueueKey } from './sweep';
import { postSystemMessageIn } from './systemMessages.io';

/** Not one of the nine admin-edited texts: it explains a function's own action. */
export const REQUEUED_TEXT =
  'Your specialist has been disconnected. We are connecting you with another specialist; ' +
  'you keep your place at the front of the queue.';

/** Requeues if the specialist is still gone when re-checked in the transaction; returns the queue to route. */
export async function requeueIfGone(conversationId: string, nowMs: number): Promise<QueueKey | null> {
  const ref = db.doc(paths.conversation(conversationId));
  return withContentionRetry(() =>
    db.runTransaction(async (tx) => {
      const conversation = (await tx.get(ref)).data() as ConversationDoc | undefined;
      if (conversation?.status !== 'assigned' || !conversation.specialistId || !conversation.assignedAt) return null;
      const specialistId = conversation.specialistId;
      const presence = (await tx.get(db.doc(paths.presence(specialistId)))).data() as PresenceDoc | undefined;
      if (!specialistGone(presence, conversation.assignedAt.toMillis(), nowMs)) return null;

      const at = Timestamp.fromMillis(nowMs);
      const queue = await lineIn(tx, conversation.projectId, conversation.level);
      const engagements = await endEngagementIn(tx, conversationId, conversation.engagements ?? [], 'requeued', at);
      // The front of the line: the ticket before its head (shared/queueLine).
      const front = rejoinFront(queue.line);
      tx.update(ref, requeued(engagements, front.ticket));
      queue.write(front.line, queue.nobodyAvailable, at);
      releaseLoad(tx, specialistId, conversationId, at);
      postSystemMessageIn(tx, {
        conversationId,
        eventKey: SYSTEM_EVENTS.requeued(engagements.length),
        text: REQUEUED_TEXT,
      });
      return { projectId: conversation.projectId, level: conversation.level };
    }),
  );
}
