// Read receipts. Each participant keeps one marker, "I had read everything up
// to this server time"; the other side shows its own messages up to that time
// as read. Pure: messages, times and visibility are passed in.
import type { MessageKind, MessageVisibility } from '$shared/catalogue';

/** At most one marker write per this period, however fast messages arrive. */
export const READ_MARK_THROTTLE_MS = 2_000;

export interface ReadableMessage {
  id: string;
  authorId: string;
  kind: MessageKind;
  visibility: MessageVisibility;
  createdAtMs: number | null;
  pending: boolean;
}

/** A message the other participant can see: notes and system messages are nobody's to read or acknowledge. */
const conversational = (m: ReadableMessage) =>
  m.kind === 'text' && m.visibility === 'all' && !m.pending && m.createdAtMs !== null;

/** Ids of my messages the other side had read: stored, visible to them, and not newer than their marker. */
export function readMessageIds(
  messages: readonly ReadableMessage[],
  selfUid: string | null,
  markerMs: number | null,
): Set<string> {
  const read = new Set<string>();
  if (selfUid === null || markerMs === null) return read;
  for (const m of messages) {
    if (m.authorId === selfUid && conversational(m) && m.createdAtMs! <= markerMs) read.add(m.id);
  }
  return read;
}

/** Server time of the newest stored message someone else wrote to me, or null if there is none. */
export function newestFromOthers(messages: readonly ReadableMessage[], selfUid: string | null): number | null {
  let newest: number | null = null;
  for (const m of messages) {
    if (m.authorId !== selfUid && conversational(m) && (newest === null || m.createdAtMs! > newest))
      newest = m.createdAtMs;
  }
  return newest;
}

export interface MarkReadState {
  /** The newest message from the other side on screen (see newestFromOthers). */
  newestSeenMs: number | null;
  /** The newest such message when this page last wrote the marker; null before the first write. */
  markedUpToMs: number | null;
  /** This browser's time of the last write; null before the first. */
  lastWriteMs: number | null;
  nowMs: number;
  /** document.visibilityState === 'visible': a hidden tab has read nothing. */
  visible: boolean;
}

/** True when the marker should be written now: something newer is on a visible page, and the throttle allows it. */
export function shouldMarkRead(state: MarkReadState, throttleMs: number = READ_MARK_THROTTLE_MS): boolean {
  if (!state.visible || state.newestSeenMs === null) return false;
  if (state.markedUpToMs !== null && state.newestSeenMs <= state.markedUpToMs) return false;
  return state.lastWriteMs === null || state.nowMs - state.lastWriteMs >= throttleMs;
}
