// Callable: the assigned specialist turns an open conversation into a case
// whose description is the transcript the user saw.
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import type { DocumentSnapshot } from 'firebase-admin/firestore';
import { markConvertedToCase } from '../conversations/engagements';
import { postSystemMessageIn } from '../conversations/systemMessages.io';
import { db } from '../platform/admin';
import { guarded, parsePayload, requireRole } from '../platform/callable';
import type { ConvertResult } from '../shared/callables';
import { paths, SUBCOLLECTIONS, VOLUME } from '../shared/catalogue';
import { SYSTEM_EVENTS } from '../shared/systemEvents';
import type { ConversationDoc, MessageDoc, UserDoc } from '../shared/model';
import { renderTemplate } from '../shared/templates';
import { CONVERTED_TO_CASE_MESSAGE, conversionDecision, convertToCaseSchema } from './conversion';
import { CaseRefusedError, createCase } from './createCase.io';
import { nameShownToUser } from '../shared/names';
import type { TranscriptMessage } from './transcript';

function transcriptMessage(doc: DocumentSnapshot, conversation: ConversationDoc): TranscriptMessage {
  const m = doc.data() as MessageDoc;
  return { ...m, authorName: nameShownToUser(m, conversation), createdAtMillis: m.createdAt?.toMillis() ?? 0 };
}

/**
 * The newest VOLUME.transcriptMessages messages, filtered in code (a visibility
 * filter plus ordering would need a composite index). Bounded: a conversation
 * may hold thousands of messages, and a case needs its end more than its start
 * (the description is capped at DESCRIPTION_MAX characters anyway).
 */
async function conversationMessages(
  conversationId: string,
  conversation: ConversationDoc,
): Promise<TranscriptMessage[]> {
  const messages = await db
    .doc(paths.conversation(conversationId))
    .collection(SUBCOLLECTIONS.messages)
    .orderBy('createdAt', 'desc')
    .limit(VOLUME.transcriptMessages)
    .get();
  return messages.docs.map((doc) => transcriptMessage(doc, conversation)).reverse();
}

async function linkCase(conversationId: string, specialistId: string, caseId: string, caseNumber: number) {
  const ref = db.doc(paths.conversation(conversationId));
  await db.runTransaction(async (tx) => {
    const conversation = (await tx.get(ref)).data() as ConversationDoc | undefined;
    if (!conversation)
      throw new HttpsError('not-found', 'The conversation was deleted while the case was being created.');
    // A concurrent request already linked this same (deterministic) case.
    if (conversation.caseId === caseId) return;
    tx.update(ref, {
      caseId,
      caseNumber,
      engagements: markConvertedToCase(conversation.engagements ?? [], specialistId),
    });
    postSystemMessageIn(tx, {
      conversationId,
      eventKey: SYSTEM_EVENTS.caseLinked(caseId),
      text: renderTemplate(CONVERTED_TO_CASE_MESSAGE, { caseNumber }),
    });
  });
}

export const convertToCase = onCall(async (request): Promise<ConvertResult> => {
  const caller = await requireRole(request, 'specialist');
  const { conversationId } = parsePayload(convertToCaseSchema, request.data);
  return guarded('convertToCase', async () => {
    const snapshot = await db.doc(paths.conversation(conversationId)).get();
    if (!snapshot.exists) throw new HttpsError('not-found', `No conversation ${conversationId}.`);
    const conversation = snapshot.data() as ConversationDoc;
    const decision = conversionDecision(conversation, caller.uid);
    if (decision.action === 'refuse') throw new HttpsError(decision.code, decision.message);
    if (decision.action === 'existing') return { caseId: decision.caseId, caseNumber: decision.caseNumber };

    const account = (await db.doc(paths.user(caller.uid)).get()).data() as UserDoc | undefined;
    const created = await createCase({
      source: { circumstance: 'conversion', messages: await conversationMessages(conversationId, conversation) },
      sourceId: conversationId,
      projectId: conversation.projectId,
      requester: { id: conversation.userId, name: conversation.userName },
      createdBy: caller.uid,
      createdByName: account?.displayName || caller.uid,
      conversationId,
    }).catch((error: unknown) => {
      if (error instanceof CaseRefusedError) throw new HttpsError('failed-precondition', error.message);
      throw error;
    });
    await linkCase(conversationId, caller.uid, created.caseId, created.number);
    return { caseId: created.caseId, caseNumber: created.number };
  });
});
