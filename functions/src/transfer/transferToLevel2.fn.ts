// Callable: the Level 1 specialist serving a conversation hands it to a Level 2
// colleague of the same project, with an internal note. One transaction ends
// the old engagement, starts the new one and moves the load, so two transfers
// at once cannot both succeed and nobody goes over capacity. When no Level 2
// specialist is free, the conversation joins the project's Level 2 line instead
// (routing serves it, first come first served, as soon as one is) and the
// Level 1 specialist is freed all the same.
import { Timestamp } from 'firebase-admin/firestore';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { logger } from 'firebase-functions/v2';
import { db } from '../platform/admin';
import { guarded, parsePayload, requireRole } from '../platform/callable';
import { loadSettings } from '../platform/settings';
import type { TransferResult } from '../shared/callables';
import { paths } from '../shared/catalogue';
import { ENTRY_LEVEL, ESCALATION_LEVEL } from '../shared/levels';
import type { ConversationDoc } from '../shared/model';
import { endEngagementIn } from '../conversations/activity.io';
import { awaitingLevel2, transferredTo } from '../conversations/transitions';
import { SYSTEM_EVENTS, transferNoteId } from '../shared/systemEvents';
import { releaseLoad, takeLoad } from '../routing/load.io';
import { projectNameOf } from '../platform/projects';
import { postSystemMessageIn, systemText } from '../conversations/systemMessages.io';
import { nameInText, shownName } from '../shared/names';
import { loadCandidatesIn } from '../routing/candidates.io';
import { withContentionRetry } from '../platform/contention';
import { drainQueue } from '../routing/drainQueue.io';
import { lineIn } from '../routing/waitingQueues.io';
import { waitingCount } from '../shared/queueLine';
import {
  chooseTransferTarget,
  transferRefusal,
  transferSchema,
  type Refusal,
  type TransferInput,
} from './transferRules';

const refuse = (refusal: Refusal) => new HttpsError(refusal.code, refusal.message);

async function transfer(callerUid: string, input: TransferInput): Promise<TransferResult & { projectId: string }> {
  const ref = db.doc(paths.conversation(input.conversationId));
  const first = (await ref.get()).data() as ConversationDoc | undefined;
  const early = transferRefusal(first, callerUid);
  if (early || !first) throw refuse(early ?? { code: 'not-found', message: 'This conversation does not exist.' });
  const [settings, projectName] = await Promise.all([loadSettings(), projectNameOf(first.projectId)]);

  return withContentionRetry(() =>
    db.runTransaction(async (tx) => {
      // Re-checked here: a concurrent transfer or close may have won since the first read.
      const conversation = (await tx.get(ref)).data() as ConversationDoc | undefined;
      const refusal = transferRefusal(conversation, callerUid);
      if (refusal || !conversation)
        throw refuse(refusal ?? { code: 'not-found', message: 'This conversation does not exist.' });
      const level2 = await loadCandidatesIn(tx, conversation.projectId, ESCALATION_LEVEL);
      const { line } = await lineIn(tx, conversation.projectId, ESCALATION_LEVEL);
      const choice = chooseTransferTarget(level2, {
        toSpecialistId: input.toSpecialistId,
        waitingAtLevel2: waitingCount(line),
        projectName,
        maxConversations: settings.general.maxConversationsPerSpecialist,
        nowMs: Date.now(),
      });
      if ('refusal' in choice) throw refuse(choice.refusal);

      const at = Timestamp.now();
      const ended = await endEngagementIn(tx, input.conversationId, conversation.engagements ?? [], 'transferred', at);
      // The note is for whoever takes the next engagement, now or from the line.
      const n = ended.length + 1;
      releaseLoad(tx, callerUid, input.conversationId, at);
      const note = input.note.trim();
      if (note) {
        tx.set(db.doc(paths.message(input.conversationId, transferNoteId(n))), {
          authorId: callerUid,
          authorRole: 'specialist',
          kind: 'note',
          visibility: 'staff',
          text: note,
          createdAt: at,
        });
      }
      if ('waitInLine' in choice) {
        // Routing greets nobody twice and tells the user their place in the Level 2 line.
        tx.update(ref, awaitingLevel2(ended, at));
        return { outcome: 'waiting' as const, projectId: conversation.projectId };
      }

      const target = choice.target;
      const shown = shownName(settings.general, target.displayName);
      const update = transferredTo(
        conversation,
        ended,
        { specialistId: target.uid, shownName: shown, level: ESCALATION_LEVEL },
        at,
      );
      tx.update(ref, update);
      takeLoad(tx, target.uid, input.conversationId, at);
      postSystemMessageIn(tx, {
        conversationId: input.conversationId,
        eventKey: SYSTEM_EVENTS.transferred(n),
        text: systemText(settings, 'transferred', {
          specialistName: nameInText(shown),
          userName: conversation.userName,
          projectName,
        }),
      });
      return {
        outcome: 'transferred' as const,
        specialistId: target.uid,
        specialistName: target.displayName,
        projectId: conversation.projectId,
      };
    }),
  );
}

export const transferToLevel2 = onCall(async (request): Promise<TransferResult> => {
  const caller = await requireRole(request, 'specialist');
  const input = parsePayload(transferSchema, request.data);
  return guarded('transferToLevel2', async () => {
    const { projectId, ...result } = await transfer(caller.uid, input);
    // The transfer itself is done, so a failure to route is only logged (the next
    // event or the minute sweep routes the lines): a conversation now waiting at
    // Level 2 gets its ticket (or a specialist freed meanwhile), and the Level 1
    // specialist, who has room again, pulls the oldest waiting conversation.
    const lines = result.outcome === 'waiting' ? [ESCALATION_LEVEL, ENTRY_LEVEL] : [ENTRY_LEVEL];
    for (const level of lines) {
      await drainQueue(projectId, level, { arrival: level === ESCALATION_LEVEL }).catch((error: unknown) =>
        logger.error(`transferToLevel2: routing level ${level} after transfer failed`, error),
      );
    }
    return result;
  });
});
