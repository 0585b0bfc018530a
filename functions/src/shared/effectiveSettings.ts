// Chat settings as everyone acts on them: stored values over the shared
// defaults, so a desk that never saved settings still behaves sensibly. One
// merge for the consoles and the functions. Pure.
import type { ChatMessagesDoc, ChatSettingsDoc, GeneralSettings, Shortcut, SystemMessageKey } from './model';
import { DEFAULT_GENERAL_SETTINGS, DEFAULT_SHORTCUTS, DEFAULT_SYSTEM_MESSAGES } from './settings';

export interface EffectiveChatSettings {
  /** Off unless an admin switched chat on. */
  enabled: boolean;
  general: GeneralSettings;
  messages: Record<SystemMessageKey, string>;
  shortcuts: Shortcut[];
}

export function effectiveChatSettings(
  chat: Partial<ChatSettingsDoc> | null | undefined,
  texts: Partial<ChatMessagesDoc> | null | undefined,
): EffectiveChatSettings {
  return {
    enabled: chat?.enabled === true,
    general: { ...DEFAULT_GENERAL_SETTINGS, ...(chat?.general ?? {}) },
    messages: { ...DEFAULT_SYSTEM_MESSAGES, ...(texts?.messages ?? {}) },
    shortcuts: texts?.shortcuts ?? DEFAULT_SHORTCUTS,
  };
}
