// Connects this tab's specialist presence: one interface (connection.ts), two
// adapters. Production uses the Realtime Database (onDisconnect); emulators
// without the RTDB emulator use Firestore heartbeats. Either way routing reads
// presence/{uid}.
import { PRESENCE } from '$shared/catalogue';
import type { PresenceMode } from '../firebase/emulators';
import { newConnectionId } from './connectionIds';
import { startHeartbeat } from './heartbeat';
import { browserPage } from './page';
import { presenceDocument } from './presenceDoc';
import type { PresenceConnection, PresenceDeps } from './connection';
import { startRtdbPresence } from './rtdb';

export async function connectPresence(mode: PresenceMode, deps: PresenceDeps): Promise<PresenceConnection> {
  const store = presenceDocument(deps.firestore, deps.uid);
  const common = {
    intervalMs: deps.intervalMs ?? PRESENCE.heartbeatIntervalMs,
    timers: deps.timers ?? globalThis,
    onError: deps.onError ?? ((error: unknown) => console.error('Presence update failed', error)),
  };
  if (mode === 'heartbeat') {
    const page = deps.page === undefined ? browserPage() : deps.page;
    return startHeartbeat({ ...common, connectionId: newConnectionId(), store, page, ttlMs: PRESENCE.ttlMs });
  }
  if (!deps.database) throw new Error("Presence mode 'rtdb' needs the Realtime Database (deps.database).");
  // Loaded here so heartbeat builds never download the Realtime Database SDK.
  const [database, { claimConnectionSlot, rtdbLink }] = await Promise.all([deps.database(), import('./rtdbLink')]);
  // The RTDB rules accept ten fixed slot keys only (they cannot count children).
  const connectionId = await claimConnectionSlot(database, deps.uid);
  return startRtdbPresence({
    ...common,
    connectionId,
    link: rtdbLink(database, deps.uid, connectionId),
    choice: { setChoice: (choice) => store.setChoice(choice, null) },
  });
}
