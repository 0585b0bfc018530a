// Tells the user their offline message became a case, in their conversation, with
// the admin's "offline message received" text. The offline message lives under
// its conversation's id (the rules tie them), so the receipt lands in the very
// conversation the user left it from, after its closing message.
import { db } from '../platform/admin';
import { loadSettings } from '../platform/settings';
import { projectNameOf } from '../platform/projects';
import { paths } from '../shared/catalogue';
import type { ConversationDoc } from '../shared/model';
import { SYSTEM_EVENTS } from '../shared/systemEvents';
import { postSystemMessageOnce, systemText } from '../conversations/systemMessages.io';

export async function postOfflineReceipt(conversationId: string, userId: string, caseNumber: number): Promise<boolean> {
  const conversation = (await db.doc(paths.conversation(conversationId)).get()).data() as ConversationDoc | undefined;
  // Only into the user's own conversation: never a message in a stranger's transcript.
  if (!conversation || conversation.userId !== userId) return false;
  const [settings, projectName] = await Promise.all([loadSettings(), projectNameOf(conversation.projectId)]);
  return postSystemMessageOnce({
    conversationId,
    eventKey: SYSTEM_EVENTS.offlineReceived(),
    text: systemText(settings, 'offlineReceived', { userName: conversation.userName, projectName, caseNumber }),
  });
}
