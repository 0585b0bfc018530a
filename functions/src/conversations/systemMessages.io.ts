// System messages the chat posts into a conversation (welcome, joined, closed...),
// under the ids of the events in $shared/systemEvents.
import { FieldValue, type Timestamp, type Transaction } from 'firebase-admin/firestore';
import { db } from '../platform/admin';
import type { EffectiveSettings } from '../platform/settings';
import { paths, type MessageVisibility } from '../shared/catalogue';
import type { SystemMessageKey } from '../shared/model';
import { renderTemplate } from '../shared/templates';
import { systemMessageId } from '../shared/systemEvents';

export type MessageValues = Partial<
  Record<'userName' | 'specialistName' | 'projectName' | 'caseNumber' | 'position', string | number>
>;

export interface SystemMessage {
  conversationId: string;
  /** Unique per causing event: one of SYSTEM_EVENTS. */
  eventKey: string;
  text: string;
  visibility?: MessageVisibility;
  /** Backdates the message (e.g. a welcome stamped at the conversation's start, so it always comes first); default: server time. */
  at?: Timestamp;
}

export function systemText(settings: EffectiveSettings, key: SystemMessageKey, values: MessageValues): string {
  return renderTemplate(settings.messages[key], values);
}

function messageData(message: SystemMessage) {
  return {
    authorId: 'system',
    authorRole: 'system',
    kind: 'system',
    visibility: message.visibility ?? 'all',
    text: message.text,
    createdAt: message.at ?? FieldValue.serverTimestamp(),
  };
}

const ref = (message: SystemMessage) =>
  db.doc(paths.message(message.conversationId, systemMessageId(message.eventKey)));

/** Posts inside a transaction (with the state change that causes it). */
export function postSystemMessageIn(tx: Transaction, message: SystemMessage): void {
  tx.set(ref(message), messageData(message));
}

/** Posts on its own; the deterministic id makes a retry harmless. */
export async function postSystemMessage(message: SystemMessage): Promise<void> {
  await ref(message).set(messageData(message));
}

/** The document a system message of `eventKey` lives in; lets a transaction check it was already posted. */
export const systemMessageRef = (conversationId: string, eventKey: string) =>
  ref({ conversationId, eventKey, text: '' });

/**
 * Posts unless this event's system message exists: unlike `postSystemMessage`,
 * a redelivered event does not even refresh `createdAt` (which would reorder the
 * chat). Only a message the system wrote counts as posted: anything else at
 * that id (written before the rules reserved it) is overwritten.
 */
export async function postSystemMessageOnce(message: SystemMessage): Promise<boolean> {
  const target = ref(message);
  try {
    await target.create(messageData(message));
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code !== 6 /* ALREADY_EXISTS */) throw error;
  }
  if ((await target.get()).get('authorRole') === 'system') return false;
  await target.set(messageData(message));
  return true;
}
