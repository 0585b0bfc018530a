// Chat settings as functions see them: stored values over the shared defaults,
// so a project that never saved settings still behaves sensibly.
import { db } from './admin';
import { paths } from '../shared/catalogue';
import type { ChatMessagesDoc, ChatSettingsDoc, GeneralSettings, Shortcut, SystemMessageKey } from '../shared/model';
import { DEFAULT_GENERAL_SETTINGS, DEFAULT_SHORTCUTS, DEFAULT_SYSTEM_MESSAGES } from '../shared/settings';

export interface EffectiveSettings {
  enabled: boolean;
  general: GeneralSettings;
  messages: Record<SystemMessageKey, string>;
  shortcuts: Shortcut[];
}

export async function loadSettings(): Promise<EffectiveSettings> {
  const [chat, texts] = await db.getAll(db.doc(paths.chatSettings()), db.doc(paths.chatMessages()));
  const chatData = chat?.data() as Partial<ChatSettingsDoc> | undefined;
  const textData = texts?.data() as Partial<ChatMessagesDoc> | undefined;
  return {
    enabled: chatData?.enabled === true,
    general: { ...DEFAULT_GENERAL_SETTINGS, ...(chatData?.general ?? {}) },
    messages: { ...DEFAULT_SYSTEM_MESSAGES, ...(textData?.messages ?? {}) },
    shortcuts: textData?.shortcuts ?? DEFAULT_SHORTCUTS,
  };
}
