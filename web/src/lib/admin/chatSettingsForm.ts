// What the chat settings forms edit, read from the stored documents over the
// shared defaults, so a screen never opens on blanks and a save always writes the
// exact shape firestore.rules expect (no stray keys from older versions).
import type { ChatMessagesDoc, ChatSettingsDoc, GeneralSettings, Shortcut, SystemMessageKey } from '$shared/model';
import {
  DEFAULT_GENERAL_SETTINGS,
  DEFAULT_SHORTCUTS,
  DEFAULT_SYSTEM_MESSAGES,
  SYSTEM_MESSAGE_KEYS,
} from '$shared/settings';
import type { Stored } from './concurrency';

export interface MessagesValues {
  messages: Record<SystemMessageKey, string>;
  shortcuts: Shortcut[];
}

const GENERAL_KEYS = Object.keys(DEFAULT_GENERAL_SETTINGS) as (keyof GeneralSettings)[];

/** Revision as the version token; a missing document has none yet. */
const revisionOf = (doc: { revision?: number } | null | undefined) => (doc ? String(doc.revision ?? 0) : null);

/** The next revision a save must write: rules accept exactly previous + 1, and 1 on create. */
export function nextRevision(doc: { revision?: number } | null | undefined): number {
  return (doc?.revision ?? 0) + 1;
}

export function pickGeneral(general: Partial<GeneralSettings> | undefined): GeneralSettings {
  const merged: Record<string, unknown> = {};
  for (const key of GENERAL_KEYS) merged[key] = general?.[key] ?? DEFAULT_GENERAL_SETTINGS[key];
  return merged as unknown as GeneralSettings;
}

export function storedGeneral(doc: Partial<ChatSettingsDoc> | null | undefined): Stored<GeneralSettings> {
  return { version: revisionOf(doc), values: pickGeneral(doc?.general) };
}

export function storedMessages(doc: Partial<ChatMessagesDoc> | null | undefined): Stored<MessagesValues> {
  const messages = {} as Record<SystemMessageKey, string>;
  for (const key of SYSTEM_MESSAGE_KEYS) messages[key] = doc?.messages?.[key] ?? DEFAULT_SYSTEM_MESSAGES[key];
  const shortcuts = (doc?.shortcuts ?? DEFAULT_SHORTCUTS).map(({ key, text }) => ({ key, text }));
  return { version: revisionOf(doc), values: { messages, shortcuts } };
}

/** What a Save writes for the Messages tab: trimmed texts, keys as typed after `/` (lowercase). */
export function cleanMessages(values: MessagesValues): MessagesValues {
  const messages = {} as Record<SystemMessageKey, string>;
  for (const key of SYSTEM_MESSAGE_KEYS) messages[key] = values.messages[key].trim();
  const shortcuts = values.shortcuts.map((s) => ({
    key: s.key.trim().replace(/^\//, '').toLowerCase(),
    text: s.text.trim(),
  }));
  return { messages, shortcuts };
}

/** What the system messages are, in the words of the screen. */
export const SYSTEM_MESSAGE_LABELS: Record<SystemMessageKey, { label: string; when: string }> = {
  welcome: { label: 'Welcome', when: 'Sent when a user starts a conversation.' },
  queued: { label: 'Queued, with position', when: 'Sent while every specialist is busy.' },
  specialistJoined: { label: 'Specialist joined', when: 'Sent when a specialist takes the conversation.' },
  transferred: { label: 'Transferred to Level 2', when: 'Sent when a Level 1 specialist transfers the conversation.' },
  queuedForLevel2: {
    label: 'Waiting for Level 2, with position',
    when: 'Sent when a transfer waits because every Level 2 specialist is busy or away.',
  },
  nobodyAvailable: {
    label: 'Nobody connected, leave a message',
    when: 'Sent when no specialist is connected; the user may leave an offline message.',
  },
  offlineReceived: {
    label: 'Offline message received, with case number',
    when: 'Sent when an offline message became a case.',
  },
  closed: { label: 'Conversation closed', when: 'Sent when the conversation ends.' },
  ratingRequest: { label: 'Rating request', when: 'Sent after closing, when users may rate.' },
  inactivityWarning: { label: 'Inactivity warning', when: 'Sent when the user has been silent too long.' },
};

export const GENERAL_LABELS: Record<keyof GeneralSettings, string> = {
  maxConversationsPerSpecialist: 'Maximum simultaneous conversations per specialist',
  queueWaitSeconds: 'Queue wait before offering to leave a message',
  inactivityWarningSeconds: 'User inactivity warning after',
  inactivityCloseSeconds: 'Auto-close after user inactivity',
  ratingEnabled: 'Users may rate the conversation',
  showSpecialistName: "Users see the specialist's name",
  firstResponseTargetSeconds: 'First-response target (used by the metrics)',
};
