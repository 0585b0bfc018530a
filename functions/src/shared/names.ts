// Who is shown as whom. Names come from accounts, never from what a client
// wrote, so nobody can sign as someone else. The user can read their
// conversation document, so a specialist name the admin chose to hide is never
// stored there: functions store `shownName` (null when hidden), and screens and
// transcripts render it with `nameInText`. Staff screens look real names up by
// uid. Used by functions (texts, transcripts) and by every chat screen.
import type { ConversationDoc, GeneralSettings, MessageDoc } from './model';

/** What users read in place of a hidden name. */
export const HIDDEN_SPECIALIST_NAME = 'A specialist';
/** How the chat's own messages are signed. */
export const SYSTEM_AUTHOR = 'Help desk';

/** The name to store for the user's eyes: the real one, or null while names are hidden. */
export function shownName(general: Pick<GeneralSettings, 'showSpecialistName'>, displayName: string): string | null {
  return general.showSpecialistName ? displayName : null;
}

/** A stored shown name as it appears in a sentence or a transcript. */
export function nameInText(shown: string | null | undefined): string {
  return shown || HIDDEN_SPECIALIST_NAME;
}

type Author = Pick<MessageDoc, 'authorId' | 'authorRole'>;
type Named = Pick<ConversationDoc, 'userName' | 'engagements'>;

/** Control characters flattened, so a name can never start a new transcript line. */
export const oneLine = (name: string) => name.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();

/** Who wrote a message, as the conversation's user knew them. */
export function nameShownToUser(message: Author, conversation: Named): string {
  if (message.authorRole === 'system') return SYSTEM_AUTHOR;
  if (message.authorRole === 'user') return oneLine(conversation.userName);
  const engagement = (conversation.engagements ?? []).find((e) => e.specialistId === message.authorId);
  return oneLine(nameInText(engagement?.shownName));
}

/** Who wrote a message, for staff: specialists by their real name from `staff` (uid -> name). */
export function nameForStaff(message: Author, conversation: Named, staff: ReadonlyMap<string, string>): string {
  if (message.authorRole === 'specialist') return oneLine(staff.get(message.authorId) ?? 'Specialist');
  return nameShownToUser(message, conversation);
}
