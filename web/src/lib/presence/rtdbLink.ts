// This tab's entry in the Realtime Database, /status/{uid}/connections/{slot}.
// Only rtdb-mode builds load this module (and with it the RTDB SDK).
import {
  get,
  onDisconnect,
  onValue,
  ref,
  remove,
  runTransaction,
  serverTimestamp,
  set,
  type Database,
} from 'firebase/database';
import { paths, PRESENCE } from '$shared/catalogue';
import type { RtdbLink } from './rtdb';
import { isSlotFree, slotsToTry, TOO_MANY_TABS, type SlotEntry } from './slots';

/**
 * Claims a free connection slot for this tab, atomically: two tabs opening at
 * once cannot take the same one. Throws when the account already has every slot live.
 */
export async function claimConnectionSlot(database: Database, uid: string): Promise<string> {
  const connections = (await get(ref(database, `${paths.rtdbStatus(uid)}/connections`))).val() as Record<
    string,
    SlotEntry
  > | null;
  for (const slot of slotsToTry(connections, Date.now(), PRESENCE.ttlMs)) {
    const claimed = await runTransaction(ref(database, paths.rtdbConnection(uid, slot)), (current: SlotEntry) =>
      isSlotFree(current, Date.now(), PRESENCE.ttlMs) ? { at: serverTimestamp() } : undefined,
    );
    if (claimed.committed) return slot;
  }
  throw new Error(TOO_MANY_TABS);
}

export function rtdbLink(database: Database, uid: string, connectionId: string): RtdbLink {
  const connected = ref(database, '.info/connected');
  const entry = ref(database, paths.rtdbConnection(uid, connectionId));
  return {
    onConnectedChange: (listener) => onValue(connected, (snapshot) => listener(snapshot.val() === true)),
    armRemoveOnDisconnect: () => onDisconnect(entry).remove(),
    cancelOnDisconnect: () => onDisconnect(entry).cancel(),
    markAlive: () => set(entry, { at: serverTimestamp() }),
    remove: () => remove(entry),
  };
}
