// A conversation as the case it becomes: what the user saw, oldest first.
// Pure, so the exact wording is unit-tested without an emulator.
import type { AuthorRole, MessageKind, MessageVisibility } from '../shared/catalogue';

/** The parts of a message a transcript needs, with its time already in milliseconds. */
export interface TranscriptMessage {
  authorRole: AuthorRole;
  authorName: string;
  kind: MessageKind;
  visibility: MessageVisibility;
  text: string;
  createdAtMillis: number;
}

/** Functions run without the user's time zone, so the transcript says which one it uses. */
export const TRANSCRIPT_HEADING = 'Chat transcript (times in UTC):';

/**
 * Staff notes never reach the case: the requester may read their cases, and
 * notes are the specialists' side channel. Filtering on both fields means a
 * note written with the wrong visibility still stays out.
 */
export function messagesSeenByUser(messages: readonly TranscriptMessage[]): TranscriptMessage[] {
  return messages
    .filter((m) => m.visibility === 'all' && m.kind !== 'note')
    .sort((a, b) => a.createdAtMillis - b.createdAtMillis);
}

const clock = (millis: number) => new Date(millis).toISOString().slice(11, 16);

/** `[HH:MM] Name: text`; later lines of a multi-line message are indented so they cannot pass for a new entry. */
function transcriptLine(message: TranscriptMessage): string {
  const text = message.text.replace(/\r\n?/g, '\n').split('\n').join('\n    ');
  return `[${clock(message.createdAtMillis)}] ${message.authorName}: ${text}`;
}

export function transcriptText(messages: readonly TranscriptMessage[]): string {
  return [TRANSCRIPT_HEADING, ...messagesSeenByUser(messages).map(transcriptLine)].join('\n');
}

/** What the user wrote first, the natural subject of the case; '' when they wrote nothing. */
export function firstUserText(messages: readonly TranscriptMessage[]): string {
  const first = messagesSeenByUser(messages).find((m) => m.authorRole === 'user' && m.kind === 'text' && m.text.trim());
  return first?.text ?? '';
}
