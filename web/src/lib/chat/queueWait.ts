// When a waiting user is offered to leave a message instead: nobody is on duty
// at their level, or they have waited longer than the admin's queueWaitSeconds.
// Pure; the conversation view re-asks when `recheckInMs` has passed.

export interface WaitingConversation {
  status: 'queued' | 'assigned' | 'closed';
  /** The line's flag (queues/{projectId}~{level}), set by routing while no specialist of its level is on duty. */
  nobodyAvailable: boolean;
  /** Server time the conversation joined the queue; null while that write is pending. */
  queuedAtMs: number | null;
}

export type OfflineOffer =
  { offer: true; reason: 'nobodyAvailable' | 'waitedTooLong' } | { offer: false; recheckInMs: number | null };

export function offlineOffer(conversation: WaitingConversation, queueWaitSeconds: number, nowMs: number): OfflineOffer {
  if (conversation.status !== 'queued') return { offer: false, recheckInMs: null };
  if (conversation.nobodyAvailable) return { offer: true, reason: 'nobodyAvailable' };
  const limitMs = queueWaitSeconds * 1000;
  // A queue entry the server has not stamped yet has only just started waiting.
  if (conversation.queuedAtMs === null) return { offer: false, recheckInMs: limitMs };
  const waitedMs = nowMs - conversation.queuedAtMs;
  if (waitedMs >= limitMs) return { offer: true, reason: 'waitedTooLong' };
  return { offer: false, recheckInMs: limitMs - waitedMs };
}
