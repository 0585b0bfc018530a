// This tab's entry in the Realtime Database, /status/{uid}/connections/{id}.
// Only rtdb-mode builds load this module (and with it the RTDB SDK).
import { onDisconnect, onValue, ref, remove, serverTimestamp, set, type Database } from 'firebase/database';
import { paths } from '$shared/catalogue';
import type { RtdbLink } from './rtdb';

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
