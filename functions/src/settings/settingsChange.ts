// What a chat settings write changes for conversations in progress. Pure.
import type { ChatSettingsDoc } from '../shared/model';
import { DEFAULT_GENERAL_SETTINGS } from '../shared/settings';

type Stored = Partial<Pick<ChatSettingsDoc, 'general'>> | undefined;

const capacityOf = (settings: Stored) =>
  settings?.general?.maxConversationsPerSpecialist ?? DEFAULT_GENERAL_SETTINGS.maxConversationsPerSpecialist;

/**
 * True when the admin raised the number of conversations a specialist may
 * serve: busy specialists can take waiting conversations at once, instead of
 * at the next sweep. Lowering it frees nobody (no one is taken away).
 */
export function capacityRaised(before: Stored, after: Stored): boolean {
  return after !== undefined && capacityOf(after) > capacityOf(before);
}

const namesShown = (settings: Stored) =>
  settings?.general?.showSpecialistName ?? DEFAULT_GENERAL_SETTINGS.showSpecialistName;

/** The new value of "show specialist names" when the write changed it, else null. */
export function nameVisibilityChange(before: Stored, after: Stored): boolean | null {
  if (after === undefined) return null;
  const shown = namesShown(after);
  return shown === namesShown(before) ? null : shown;
}
