// Consecutive messages of one author shown as one block, the way chat apps do:
// a name once, then the messages. System messages and internal notes always
// stand alone so they cannot be mistaken for what a person wrote. Pure.
import type { AuthorRole, MessageKind } from '$shared/catalogue';

export interface GroupableMessage {
  id: string;
  authorId: string;
  authorRole: AuthorRole;
  kind: MessageKind;
  /** Server time (estimated while pending); null sorts as "now". */
  createdAtMs: number | null;
}

export interface MessageGroup<T extends GroupableMessage> {
  /** The first message's id: stable while later messages join the group. */
  key: string;
  kind: MessageKind;
  authorId: string;
  authorRole: AuthorRole;
  /** Written by the person looking at the list. */
  mine: boolean;
  messages: T[];
}

/** A pause longer than this starts a new block even for the same author. */
export const GROUP_GAP_MS = 5 * 60_000;

function joins<T extends GroupableMessage>(group: MessageGroup<T>, message: T, gapMs: number): boolean {
  if (message.kind !== 'text' || group.kind !== 'text' || group.authorId !== message.authorId) return false;
  const last = group.messages[group.messages.length - 1]!;
  if (last.createdAtMs === null || message.createdAtMs === null) return true;
  return message.createdAtMs - last.createdAtMs <= gapMs;
}

export function groupMessages<T extends GroupableMessage>(
  messages: readonly T[],
  selfUid: string | null,
  gapMs: number = GROUP_GAP_MS,
): MessageGroup<T>[] {
  const groups: MessageGroup<T>[] = [];
  for (const message of messages) {
    const current = groups[groups.length - 1];
    if (current && joins(current, message, gapMs)) {
      current.messages.push(message);
      continue;
    }
    groups.push({
      key: message.id,
      kind: message.kind,
      authorId: message.authorId,
      authorRole: message.authorRole,
      mine: selfUid !== null && message.authorId === selfUid,
      messages: [message],
    });
  }
  return groups;
}
