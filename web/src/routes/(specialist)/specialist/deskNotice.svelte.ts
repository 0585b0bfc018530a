// A message for the desk that outlives leaving a conversation (e.g. "Transferred to …").
export const deskNotice = $state<{ text: string | null }>({ text: null });
