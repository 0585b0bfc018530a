// After a conversation is closed (by its user, its specialist or the sweep):
// end the running engagement, free the specialist's capacity, say goodbye and
// ask for a rating, then let the freed specialist pull the oldest waiting
// conversation. `closingDoneAt` on the conversation marks that this ran: a
// function field no client can write (a message id once served as the marker,
// and a client could create that message first).
import { Timestamp } from 'firebase-admin/firestore';
import { db } from '../platform/admin';
import { loadSettings } from '../platform/settings';
import { paths } from '../shared/catalogue';
import { SYSTEM_EVENTS } from '../shared/systemEvents';
import { releaseLoad } from '../routing/load.io';
import { closingDone } from './transitions';
import type { ConversationDoc } from '../shared/model';
import { withContentionRetry } from '../platform/contention';
import { drainQueue } from '../routing/drainQueue.io';
import { lineIn } from '../routing/waitingQueues.io';
import { left } from '../shared/queueLine';
import { endEngagementIn } from './activity.io';
import { activeEngagement } from './engagements';
import { projectNameOf } from '../platform/projects';
import { nameInText } from '../shared/names';
import { postSystemMessageIn, systemText } from './systemMessages.io';

export async function finishClosing(conversationId: string): Promise<boolean> {
  const ref = db.doc(paths.conversation(conversationId));
  const before = (await ref.get()).data() as ConversationDoc | undefined;
  if (before?.status !== 'closed') return false;
  const [settings, projectName] = await Promise.all([loadSettings(), projectNameOf(before.projectId)]);

  const finished = await withContentionRetry(() =>
    db.runTransaction(async (tx) => {
      const conversation = (await tx.get(ref)).data() as ConversationDoc | undefined;
      if (conversation?.status !== 'closed' || conversation.closingDoneAt) return false;

      const at = conversation.closedAt ? Timestamp.fromMillis(conversation.closedAt.toMillis()) : Timestamp.now();
      // Closed while waiting: it leaves the line (one write to the line, none to the others waiting).
      const waitedAt = typeof conversation.ticket === 'number' ? conversation.ticket : null;
      const queue = waitedAt === null ? null : await lineIn(tx, conversation.projectId, conversation.level);
      const engagements = conversation.engagements ?? [];
      const active = activeEngagement(engagements);
      const ended = await endEngagementIn(tx, conversationId, engagements, 'closed', at);
      tx.update(ref, closingDone(ended, at));
      if (queue && waitedAt !== null) queue.write(left(queue.line, waitedAt), queue.nobodyAvailable, at);
      const serving = new Set([active?.specialistId, conversation.specialistId].filter((id): id is string => !!id));
      for (const uid of serving) releaseLoad(tx, uid, conversationId, at);
      const values = { userName: conversation.userName, projectName };
      postSystemMessageIn(tx, {
        conversationId,
        eventKey: SYSTEM_EVENTS.closed(),
        text: systemText(settings, 'closed', values),
      });
      const last = engagements[engagements.length - 1];
      if (settings.general.ratingEnabled && conversation.specialistId && last) {
        postSystemMessageIn(tx, {
          conversationId,
          eventKey: SYSTEM_EVENTS.ratingRequest(),
          text: systemText(settings, 'ratingRequest', { ...values, specialistName: nameInText(last.shownName) }),
        });
      }
      return true;
    }),
  );
  // Capacity was freed: let the line move.
  await drainQueue(before.projectId, before.level);
  return finished;
}
