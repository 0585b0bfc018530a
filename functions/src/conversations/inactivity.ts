// A silent user is warned once, then the conversation is closed as the system;
// the closing trigger then frees the specialist and says goodbye.
import { Timestamp } from 'firebase-admin/firestore';
import { db } from '../platform/admin';
import type { EffectiveSettings } from '../platform/settings';
import { paths } from '../shared/catalogue';
import type { ConversationDoc } from '../shared/model';
import { withContentionRetry } from '../routing/contention';
import { inactivityAction, type AssignedView } from './sweep';
import { postSystemMessageIn, systemText } from './systemMessages';

const ms = (t: { toMillis(): number } | null | undefined) => (t ? t.toMillis() : null);

export function assignedView(conversation: ConversationDoc): AssignedView | null {
  if (conversation.status !== 'assigned' || !conversation.assignedAt) return null;
  return {
    assignedAtMs: conversation.assignedAt.toMillis(),
    lastUserMessageAtMs: ms(conversation.lastUserMessageAt),
    lastMessageAtMs: ms(conversation.lastMessageAt),
    inactivityWarnedAtMs: ms(conversation.inactivityWarnedAt),
  };
}

/** Re-decides in a transaction (the user may have just written) and warns or closes. */
export async function applyInactivity(
  conversationId: string,
  settings: EffectiveSettings,
  nowMs: number,
): Promise<'warned' | 'closed' | null> {
  const ref = db.doc(paths.conversation(conversationId));
  return withContentionRetry(() =>
    db.runTransaction(async (tx) => {
      const conversation = (await tx.get(ref)).data() as ConversationDoc | undefined;
      const view = conversation && assignedView(conversation);
      if (!conversation || !view) return null;
      const action = inactivityAction(view, settings.general, nowMs);
      const at = Timestamp.fromMillis(nowMs);
      if (action.kind === 'warn') {
        tx.update(ref, { inactivityWarnedAt: at });
        postSystemMessageIn(tx, {
          conversationId,
          eventKey: `inactivity-${action.silenceSinceMs}`,
          text: systemText(settings, 'inactivityWarning', { userName: conversation.userName }),
        });
        return 'warned';
      }
      if (action.kind === 'close') {
        tx.update(ref, { status: 'closed', closedAt: at, closedBy: 'system' });
        return 'closed';
      }
      return null;
    }),
  );
}
