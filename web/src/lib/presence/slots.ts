// Which RTDB connection slot a tab should try to claim. Pure: the claim itself
// is a transaction in rtdbLink.ts. A slot is free when nothing is there, or
// when what is there showed no life for longer than the presence TTL (a tab
// whose disconnect the server never processed).
import { CONNECTION_SLOTS } from '$shared/catalogue';

export type SlotEntry = { at?: unknown } | null | undefined;

export function isSlotFree(entry: SlotEntry, nowMs: number, staleMs: number): boolean {
  if (!entry) return true;
  return typeof entry.at !== 'number' || nowMs - entry.at > staleMs;
}

/** The slots worth trying, free ones first in slot order; none when every slot is live. */
export function slotsToTry(connections: Record<string, SlotEntry> | null, nowMs: number, staleMs: number): string[] {
  return CONNECTION_SLOTS.filter((slot) => isSlotFree(connections?.[slot], nowMs, staleMs));
}

export const TOO_MANY_TABS =
  `The help desk is already open in ${CONNECTION_SLOTS.length} tabs or devices for this account. ` +
  'Close one of them, then reload this page.';
