// A user started a conversation: greet them, route it, and if it still waits,
// tell them where they stand. Safe to run twice for the same conversation.
import { Timestamp } from 'firebase-admin/firestore';
import { db } from '../platform/admin';
import { loadSettings, type EffectiveSettings } from '../platform/settings';
import { paths } from '../shared/catalogue';
import { SYSTEM_EVENTS } from '../shared/systemEvents';
import { closedBySystem } from './transitions';
import type { ConversationDoc, ProjectDoc } from '../shared/model';
import { withContentionRetry } from '../platform/contention';
import { routeProject } from '../routing/routeProject.io';
import { postSystemMessageIn, postSystemMessageOnce, systemMessageRef, systemText } from './systemMessages.io';

export async function projectNameOf(projectId: string): Promise<string> {
  const project = (await db.doc(paths.project(projectId)).get()).data() as ProjectDoc | undefined;
  return project?.name ?? projectId;
}

export async function openConversation(conversationId: string): Promise<void> {
  const ref = db.doc(paths.conversation(conversationId));
  const conversation = (await ref.get()).data() as ConversationDoc | undefined;
  if (!conversation) return;
  const settings = await loadSettings();
  if (conversation.status === 'queued' && !settings.enabled) {
    await refuse(conversationId);
    return;
  }
  const projectName = await projectNameOf(conversation.projectId);
  // Even if another routing pass got here first (status already 'assigned'):
  // stamped at the start, the welcome still comes before the "joined" message.
  await postSystemMessageOnce({
    conversationId,
    eventKey: SYSTEM_EVENTS.welcome(),
    text: systemText(settings, 'welcome', { userName: conversation.userName, projectName }),
    at: Timestamp.fromMillis(conversation.createdAt.toMillis()),
  });
  if (conversation.status !== 'queued') return;
  await routeProject(conversation.projectId, conversation.level);
  await announceWait(conversationId, settings, projectName);
}

/** The chat was switched off between the rules' check and now: close it as the system. */
async function refuse(conversationId: string): Promise<void> {
  const ref = db.doc(paths.conversation(conversationId));
  await withContentionRetry(() =>
    db.runTransaction(async (tx) => {
      const conversation = (await tx.get(ref)).data() as ConversationDoc | undefined;
      if (conversation?.status !== 'queued') return;
      tx.update(ref, closedBySystem(Timestamp.now()));
    }),
  );
}

/**
 * Once per conversation, in a transaction so it cannot land after a "joined"
 * message: where the user stands in the queue, or that nobody is on duty.
 */
async function announceWait(conversationId: string, settings: EffectiveSettings, projectName: string): Promise<void> {
  const ref = db.doc(paths.conversation(conversationId));
  const queuedRef = systemMessageRef(conversationId, SYSTEM_EVENTS.queued());
  const nobodyRef = systemMessageRef(conversationId, SYSTEM_EVENTS.nobodyAvailable());
  await withContentionRetry(() =>
    db.runTransaction(async (tx) => {
      const [snap, queued, nobody] = await tx.getAll(ref, queuedRef, nobodyRef);
      const conversation = snap?.data() as ConversationDoc | undefined;
      if (conversation?.status !== 'queued' || queued?.exists || nobody?.exists) return;
      const values = { userName: conversation.userName, projectName, position: conversation.queuePosition ?? '' };
      postSystemMessageIn(
        tx,
        conversation.nobodyAvailable
          ? {
              conversationId,
              eventKey: SYSTEM_EVENTS.nobodyAvailable(),
              text: systemText(settings, 'nobodyAvailable', values),
            }
          : { conversationId, eventKey: SYSTEM_EVENTS.queued(), text: systemText(settings, 'queued', values) },
      );
    }),
  );
}
