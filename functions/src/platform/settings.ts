// Chat settings as functions read them: the stored documents through the one
// merge over the defaults that the consoles use too ($shared/effectiveSettings).
import { db } from './admin';
import { paths } from '../shared/catalogue';
import type { ChatMessagesDoc, ChatSettingsDoc } from '../shared/model';
import { effectiveChatSettings, type EffectiveChatSettings } from '../shared/effectiveSettings';

export type EffectiveSettings = EffectiveChatSettings;

export async function loadSettings(): Promise<EffectiveSettings> {
  const [chat, texts] = await db.getAll(db.doc(paths.chatSettings()), db.doc(paths.chatMessages()));
  return effectiveChatSettings(
    chat?.data() as Partial<ChatSettingsDoc> | undefined,
    texts?.data() as Partial<ChatMessagesDoc> | undefined,
  );
}
