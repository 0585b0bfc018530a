// System messages the chat posts into a conversation (welcome, joined, closed...).
// Ids are derived from the event that causes them, so a retried trigger writes
// the same document again instead of posting a duplicate.
import { FieldValue, type Transaction } from 'firebase-admin/firestore';
import { db } from '../platform/admin';
import type { EffectiveSettings } from '../platform/settings';
import { paths, type MessageVisibility } from '../shared/catalogue';
import type { SystemMessageKey } from '../shared/model';
import { renderTemplate } from '../shared/templates';

export type MessageValues = Partial<Record<'userName' | 'specialistName' | 'projectName' | 'caseNumber' | 'position', string | number>>;

export interface SystemMessage {
  conversationId: string;
  /** Unique per causing event, e.g. `joined-<engagementIndex>`. */
  eventKey: string;
  text: string;
  visibility?: MessageVisibility;
}

export function systemText(settings: EffectiveSettings, key: SystemMessageKey, values: MessageValues): string {
  return renderTemplate(settings.messages[key], values);
}

function messageData(message: SystemMessage) {
  return {
    authorId: 'system',
    authorRole: 'system',
    authorName: 'Help desk',
    kind: 'system',
    visibility: message.visibility ?? 'all',
    text: message.text,
    createdAt: FieldValue.serverTimestamp(),
  };
}

const ref = (message: SystemMessage) => db.doc(paths.message(message.conversationId, `system-${message.eventKey}`));

/** Posts inside a transaction (with the state change that causes it). */
export function postSystemMessageIn(tx: Transaction, message: SystemMessage): void {
  tx.set(ref(message), messageData(message));
}

/** Posts on its own; the deterministic id makes a retry harmless. */
export async function postSystemMessage(message: SystemMessage): Promise<void> {
  await ref(message).set(messageData(message));
}
