// What a user can read of the staff's identity, against the emulators: with
// "show specialist names" off, no specialist's name is stored where the user can
// read it (conversation, engagements, system texts), and switching the setting
// reaches conversations being served at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';
import type { App } from 'firebase-admin/app';
import { HIDDEN_SPECIALIST_NAME } from '$shared/names';
import { adminApp, cleanupApps } from '../support/admin';
import {
  addMember,
  addSpecialist,
  messagesOf,
  seedProject,
  startConversation,
  useChatSettings,
  waitForConversation,
} from './routingSupport';

let app: App;
let db: Firestore;
let restore: () => Promise<void>;

beforeAll(async () => {
  app = adminApp();
  db = getFirestore(app);
  restore = await useChatSettings(db, { showSpecialistName: false, maxConversationsPerSpecialist: 3 });
});
afterAll(async () => {
  await restore();
  await cleanupApps(app);
});

describe('specialist names the user can read', () => {
  it('are absent while names are hidden, and follow the setting for conversations being served', async () => {
    const { projectId } = await seedProject(db, 'names');
    const specialist = await addSpecialist(app, db, projectId, 1);
    const user = await addMember(app, db, projectId);
    const id = await startConversation(user, projectId);

    const hidden = await waitForConversation(db, id, (c) => c.status === 'assigned', 'assignment');
    expect(hidden.specialistName).toBeNull();
    expect(hidden.engagements.map((e) => e.shownName)).toEqual([null]);
    const readable = JSON.stringify([hidden, await messagesOf(db, id)]);
    expect(readable).not.toContain(specialist.displayName);
    expect((await messagesOf(db, id)).find((m) => m.id === 'system-joined-1')?.text).toContain(HIDDEN_SPECIALIST_NAME);

    await useChatSettings(db, { showSpecialistName: true, maxConversationsPerSpecialist: 3 });
    const shown = await waitForConversation(db, id, (c) => c.specialistName !== null, 'the name shown');
    expect(shown.specialistName).toBe(specialist.displayName);
    expect(shown.engagements.map((e) => e.shownName)).toEqual([specialist.displayName]);

    await useChatSettings(db, { showSpecialistName: false, maxConversationsPerSpecialist: 3 });
    const again = await waitForConversation(db, id, (c) => c.specialistName === null, 'the name hidden again');
    expect(again.engagements.map((e) => e.shownName)).toEqual([null]);
  });
});
