// A silent user is warned once, then the conversation is closed as the system;
// the closing trigger then frees the specialist and says goodbye.
import { Timestamp } from 'firebase-admin/firestore';
import { db } from '../platform/admin';
import type { EffectiveSettings } from '../platform/settings';
import { paths } from '../shared/catalogue';
import { SYSTEM_EVENTS } from '../shared/systemEvents';
import { closedBySystem, inactivityWarned } from './transitions';
import type { ConversationDoc } from '../shared/model';
import { withContentionRetry } from '../platform/contention';
import { lastTextOf } from './activity.io';
import { inactivityAction, type AssignedView, type InactivityAction, type LastText } from './sweep';
import { postSystemMessageIn, systemText } from './systemMessages.io';

const ms = (t: { toMillis(): number } | null | undefined) => (t ? t.toMillis() : null);

export function assignedView(conversation: ConversationDoc, lastText: LastText | null): AssignedView | null {
  if (conversation.status !== 'assigned' || !conversation.assignedAt) return null;
  return {
    assignedAtMs: conversation.assignedAt.toMillis(),
    lastText,
    inactivityWarnedAtMs: ms(conversation.inactivityWarnedAt),
  };
}

/** What inactivity calls for now, from one read of the latest message (outside any transaction). */
export async function inactivityActionFor(
  conversationId: string,
  conversation: ConversationDoc,
  settings: EffectiveSettings,
  nowMs: number,
): Promise<InactivityAction> {
  const view = assignedView(conversation, await lastTextOf(conversationId, conversation));
  return view ? inactivityAction(view, settings.general, nowMs) : { kind: 'none' };
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
      if (conversation?.status !== 'assigned') return null;
      const view = assignedView(conversation, await lastTextOf(conversationId, conversation, tx));
      if (!view) return null;
      const action = inactivityAction(view, settings.general, nowMs);
      const at = Timestamp.fromMillis(nowMs);
      if (action.kind === 'warn') {
        tx.update(ref, inactivityWarned(at));
        postSystemMessageIn(tx, {
          conversationId,
          eventKey: SYSTEM_EVENTS.inactivity(action.silenceSinceMs),
          text: systemText(settings, 'inactivityWarning', { userName: conversation.userName }),
        });
        return 'warned';
      }
      if (action.kind === 'close') {
        tx.update(ref, closedBySystem(at));
        return 'closed';
      }
      return null;
    }),
  );
}
