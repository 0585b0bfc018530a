// settings/chat and settings/chatMessages: everyone signed in reads, admins write
// whole documents with the next revision.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_GENERAL_SETTINGS, SYSTEM_MESSAGE_KEYS } from '$shared/settings';
import { LIMITS } from '$shared/catalogue';
import {
  assertFails,
  assertSucceeds,
  chatMessagesDraft,
  chatSettingsDraft,
  onlyAllows,
  paths,
  rulesHarness,
  serverTime,
  tooLong,
  uidOf,
  without,
  type RulesHarness,
} from './support';

let h: RulesHarness;
beforeAll(async () => {
  h = await rulesHarness('settings');
});
beforeEach(() => h.reset());
afterAll(() => h.finish());

const general = (overrides: Record<string, unknown>) => ({ ...DEFAULT_GENERAL_SETTINGS, ...overrides });
const signedIn = ['user', 'otherUser', 'userOfQ', 'specialist', 'level2', 'specialistOfQ', 'admin'] as const;

describe('settings/chat', () => {
  it('is readable by every signed-in persona and nobody signed out', async () => {
    await onlyAllows(h, signedIn, (db) => db.doc(paths.chatSettings()).get());
  });

  it('takes the next revision from an admin, and from nobody else', async () => {
    await onlyAllows(h, ['admin'], (db) => db.doc(paths.chatSettings()).set(chatSettingsDraft(2)));
  });

  it('refuses a stale or skipped revision', async () => {
    const admin = h.as('admin');
    await assertFails(admin.doc(paths.chatSettings()).set(chatSettingsDraft(1)));
    await assertFails(admin.doc(paths.chatSettings()).set(chatSettingsDraft(3)));
    await assertSucceeds(admin.doc(paths.chatSettings()).set(chatSettingsDraft(2)));
    // A second admin still holding revision 1 now loses instead of overwriting.
    await assertFails(admin.doc(paths.chatSettings()).set(chatSettingsDraft(2, { enabled: false })));
  });

  it('starts at revision 1 when created', async () => {
    await h.remove(paths.chatSettings());
    const ref = h.as('admin').doc(paths.chatSettings());
    await assertFails(ref.set(chatSettingsDraft(2)));
    await assertSucceeds(ref.set(chatSettingsDraft(1)));
  });

  it('refuses a forged updatedBy, a client clock, extra and missing keys', async () => {
    const admin = h.as('admin');
    const ref = admin.doc(paths.chatSettings());
    await assertFails(ref.set(chatSettingsDraft(2, { updatedBy: uidOf('specialist') })));
    await assertFails(ref.set(chatSettingsDraft(2, { updatedAt: new Date() })));
    await assertFails(ref.set(chatSettingsDraft(2, { extra: true })));
    await assertFails(ref.set(without(chatSettingsDraft(2), 'enabled')));
    await assertFails(ref.set(chatSettingsDraft(2, { enabled: 'yes' })));
  });

  it('keeps general settings inside their ranges', async () => {
    const ref = h.as('admin').doc(paths.chatSettings());
    const attempt = (overrides: Record<string, unknown>) =>
      ref.set(chatSettingsDraft(2, { general: general(overrides) }));
    await assertFails(attempt({ maxConversationsPerSpecialist: 0 }));
    await assertFails(attempt({ maxConversationsPerSpecialist: 21 }));
    await assertFails(attempt({ maxConversationsPerSpecialist: 2.5 }));
    await assertFails(attempt({ queueWaitSeconds: 9 }));
    await assertFails(attempt({ inactivityWarningSeconds: 7201 }));
    await assertFails(attempt({ inactivityWarningSeconds: 600, inactivityCloseSeconds: 600 }));
    await assertFails(attempt({ inactivityCloseSeconds: 86_401 }));
    await assertFails(attempt({ inactivityWarningSeconds: 30, inactivityCloseSeconds: 59 }));
    await assertFails(attempt({ firstResponseTargetSeconds: 4 }));
    await assertFails(attempt({ ratingEnabled: 'true' }));
    await assertFails(attempt({ surprise: 1 }));
    await assertSucceeds(attempt({ maxConversationsPerSpecialist: 20, inactivityCloseSeconds: 86_400 }));
  });

  it('cannot be deleted, not even by an admin', async () => {
    await assertFails(h.as('admin').doc(paths.chatSettings()).delete());
  });
});

describe('settings/chatMessages', () => {
  it('is readable by every signed-in persona and nobody signed out', async () => {
    await onlyAllows(h, signedIn, (db) => db.doc(paths.chatMessages()).get());
  });

  it('takes the next revision from an admin, and from nobody else', async () => {
    await onlyAllows(h, ['admin'], (db) => db.doc(paths.chatMessages()).set(chatMessagesDraft(2)));
  });

  it('refuses a stale revision', async () => {
    await assertFails(h.as('admin').doc(paths.chatMessages()).set(chatMessagesDraft(1)));
  });

  it('needs every system message (SYSTEM_MESSAGE_KEYS), each 1..1000 characters', async () => {
    const ref = h.as('admin').doc(paths.chatMessages());
    const valid = chatMessagesDraft(2).messages as Record<string, string>;
    expect(Object.keys(valid).sort()).toEqual([...SYSTEM_MESSAGE_KEYS].sort());
    for (const key of SYSTEM_MESSAGE_KEYS)
      await assertFails(ref.set(chatMessagesDraft(2, { messages: without(valid, key) })));
    await assertFails(ref.set(chatMessagesDraft(2, { messages: { ...valid, welcome: '' } })));
    await assertFails(
      ref.set(chatMessagesDraft(2, { messages: { ...valid, closed: tooLong(LIMITS.systemMessageText) } })),
    );
    await assertFails(ref.set(chatMessagesDraft(2, { messages: { ...valid, goodbye: 'Bye' } })));
    // The twin: the complete set passes (last, as it takes revision 2).
    await assertSucceeds(ref.set(chatMessagesDraft(2, { messages: valid })));
  });

  it('holds at most 200 shortcuts', async () => {
    const ref = h.as('admin').doc(paths.chatMessages());
    const shortcut = { key: 'k', text: 'text' };
    await assertFails(ref.set(chatMessagesDraft(2, { shortcuts: Array.from({ length: 201 }, () => shortcut) })));
    await assertSucceeds(ref.set(chatMessagesDraft(2, { shortcuts: Array.from({ length: 200 }, () => shortcut) })));
  });

  it('stamps the saving admin and the server time', async () => {
    const ref = h.as('admin').doc(paths.chatMessages());
    await assertFails(ref.set(chatMessagesDraft(2, { updatedBy: uidOf('user') })));
    await assertSucceeds(ref.set(chatMessagesDraft(2, { updatedAt: serverTime() })));
  });
});
