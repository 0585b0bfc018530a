// Whether a served conversation must change when the admin switches "show
// specialist names": its user can read the conversation document, so a hidden
// name must leave it. Pure; nameVisibility.io.ts applies it.
import type { ConversationDoc, Engagement } from '../shared/model';
import { shownName } from '../shared/names';
import { activeEngagement } from './engagements';

/** The served conversation with its running engagement's name shown or hidden; null when nothing changes. */
export function withNameVisibility(
  conversation: Pick<ConversationDoc, 'status' | 'specialistName' | 'engagements'>,
  show: boolean,
  realName: string,
): Pick<ConversationDoc, 'specialistName' | 'engagements'> | null {
  const active = activeEngagement(conversation.engagements ?? []);
  if (conversation.status !== 'assigned' || !active) return null;
  const shown = shownName({ showSpecialistName: show }, realName);
  if (conversation.specialistName === shown && active.shownName === shown) return null;
  const engagements: Engagement[] = [...conversation.engagements.slice(0, -1), { ...active, shownName: shown }];
  return { specialistName: shown, engagements };
}
