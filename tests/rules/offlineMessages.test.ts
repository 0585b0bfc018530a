// offlineMessages/{o}: left once from a user's own waiting conversation when the
// offer was really made, at most every 10 minutes; functions turn them into cases.
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { LIMITS } from '$shared/catalogue';
import type { ConversationDoc, ProjectChatDoc } from '$shared/model';
import {
  CONVERSATION,
  P,
  Q,
  assertFails,
  assertSucceeds,
  leaveOfflineMessage,
  newOfflineMessage,
  offeredConversation,
  onlyAllows,
  past,
  paths,
  rulesHarness,
  serverTime,
  storedChatSettings,
  storedLine,
  storedProjectChat,
  tooLong,
  uidOf,
  type Data,
  type RulesHarness,
  type SignedInPersona,
} from './support';

let h: RulesHarness;
beforeAll(async () => {
  h = await rulesHarness('offline-messages');
});
beforeEach(() => h.reset());
afterAll(() => h?.finish());

const offline = paths.offlineMessage(CONVERSATION);
const conv = paths.conversation(CONVERSATION);
const slot = paths.projectChat(uidOf('user'), P);
const stored = (): Data => ({ ...newOfflineMessage(), createdAt: past() });
/** The user's conversation waits (by default with nobody on duty: offered an offline message); the slot is theirs. */
const offered = (
  conversation: Partial<ConversationDoc> = {},
  chat: Partial<ProjectChatDoc> = {},
  nobodyOnDuty = true,
) =>
  h.seed({
    [conv]: offeredConversation(conversation),
    [slot]: storedProjectChat(chat),
    [paths.queue(P, 1)]: storedLine({ nobodyAvailable: nobodyOnDuty }),
  });

describe('leaving an offline message', () => {
  it('is open to the owner of the conversation the offer was made in, once', async () => {
    await offered();
    await onlyAllows(h, ['user'], (db, persona) =>
      persona === 'signedOut'
        ? db.doc(offline).set(newOfflineMessage())
        : leaveOfflineMessage(db, persona as SignedInPersona),
    );
    await assertFails(leaveOfflineMessage(h.as('user'), 'user', { text: 'And another thing.' }));
  });

  it('needs the offer: nobody on duty, or the configured wait is over', async () => {
    await offered({ queuedAt: past(0) }, {}, false);
    await assertFails(leaveOfflineMessage(h.as('user'), 'user'));
    // queueWaitSeconds is 120 in the base world: ten minutes of waiting is an offer.
    await offered({ queuedAt: past(10) }, {}, false);
    await assertSucceeds(leaveOfflineMessage(h.as('user'), 'user'));
  });

  it('refuses a conversation that is served, closed or not there', async () => {
    await offered({ status: 'assigned', specialistId: uidOf('specialist') });
    await assertFails(leaveOfflineMessage(h.as('user'), 'user'));
    await offered({ status: 'closed', closedAt: past(1) });
    await assertFails(leaveOfflineMessage(h.as('user'), 'user'));
    await offered();
    await assertFails(leaveOfflineMessage(h.as('user'), 'user', {}, 'no-such-conversation'));
  });

  it('refuses without the stamp on the chat slot, or within 10 minutes of the last one', async () => {
    await offered();
    await assertFails(h.as('user').doc(offline).set(newOfflineMessage()));
    await offered({}, { offlineMessageAt: past(5) });
    await assertFails(leaveOfflineMessage(h.as('user'), 'user'));
    await offered({}, { offlineMessageAt: past(11) });
    await assertSucceeds(leaveOfflineMessage(h.as('user'), 'user'));
  });

  it('a slot stamp needs a new offline message of the slot’s conversation in the same batch', async () => {
    await offered();
    await assertFails(h.as('user').doc(slot).update({ offlineMessageAt: serverTime() }));
  });

  it('refuses a forged userId, name or project', async () => {
    await offered();
    await assertFails(leaveOfflineMessage(h.as('user'), 'user', { userId: uidOf('otherUser') }));
    await assertFails(leaveOfflineMessage(h.as('user'), 'user', { userName: 'Sam (specialist)' }));
    await assertFails(leaveOfflineMessage(h.as('user'), 'user', { projectId: Q }));
  });

  it('refuses while chat is disabled', async () => {
    await offered();
    await h.seed({ [paths.chatSettings()]: storedChatSettings({ enabled: false }) });
    await assertFails(leaveOfflineMessage(h.as('user'), 'user'));
  });

  it('leaves the case to functions', async () => {
    await offered();
    await assertFails(leaveOfflineMessage(h.as('user'), 'user', { caseId: 'offline_conv-1' }));
    await assertFails(leaveOfflineMessage(h.as('user'), 'user', { caseNumber: 12 }));
  });

  it('text is 1..4000 characters, stamped now, nothing extra', async () => {
    await offered();
    const ana = h.as('user');
    await assertFails(leaveOfflineMessage(ana, 'user', { text: tooLong(LIMITS.offlineMessageText) }));
    await assertFails(leaveOfflineMessage(ana, 'user', { text: '' }));
    await assertFails(leaveOfflineMessage(ana, 'user', { createdAt: past() }));
    await assertFails(leaveOfflineMessage(ana, 'user', { phone: '555-0100' }));
    await assertSucceeds(leaveOfflineMessage(ana, 'user', { text: 'x'.repeat(4000) }));
  });
});

describe('reading and changing offline messages', () => {
  beforeEach(() => h.seed({ [offline]: stored() }));

  it('is readable by its author, the project’s specialists and admin', async () => {
    await onlyAllows(h, ['user', 'specialist', 'level2', 'admin'], (db) => db.doc(offline).get());
  });

  it('lists for the project’s specialists by project', async () => {
    const inbox = (projectId: string) =>
      h.as('specialist').collection('offlineMessages').where('projectId', '==', projectId).get();
    await assertSucceeds(inbox(P));
    await assertFails(inbox(Q));
  });

  it('is never changed or deleted from a client', async () => {
    await assertFails(h.as('user').doc(offline).update({ text: 'Actually, never mind.' }));
    await assertFails(h.as('specialist').doc(offline).update({ caseId: 'offline_offline-1', caseNumber: 1 }));
    await onlyAllows(h, [], (db) => db.doc(offline).delete());
  });
});
