// Live chat settings with defaults for anything an admin has not saved yet.
import { paths } from '$shared/catalogue';
import type { ChatMessagesDoc, ChatSettingsDoc } from '$shared/model';
import { docState } from '$lib/firebase/firestore.svelte';
import { effectiveChatSettings } from '$shared/effectiveSettings';

export class ChatSettingsState {
  #chat = docState<ChatSettingsDoc>(paths.chatSettings());
  #texts = docState<ChatMessagesDoc>(paths.chatMessages());

  loading = $derived(this.#chat.loading || this.#texts.loading);
  error = $derived(this.#chat.error ?? this.#texts.error);
  current = $derived(effectiveChatSettings(this.#chat.data, this.#texts.data));
}

/** Create while a component initialises. */
export const chatSettings = () => new ChatSettingsState();
