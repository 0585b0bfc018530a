// conversations/{c}: users start them, specialists see their queue, and clients
// may only ever close one; routing and cases belong to functions.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CONVERSATION,
  P,
  Q,
  assertFails,
  assertSucceeds,
  deniesAll,
  newConversation,
  onlyAllows,
  past,
  paths,
  queuedConversation,
  rulesHarness,
  serverTime,
  startChat,
  newProjectChat,
  PERSONAS,
  storedChatSettings,
  storedConversation,
  storedProjectChat,
  uidOf,
  without,
  type Data,
  type RulesHarness,
} from './support';

let h: RulesHarness;
beforeAll(async () => {
  h = await rulesHarness('conversations');
});
beforeEach(() => h.reset());
afterAll(() => h?.finish());

const conv = paths.conversation(CONVERSATION);
const closeAs = (closedBy: string) => ({ status: 'closed', closedAt: serverTime(), closedBy });
const close = closeAs('user');

describe('starting a conversation', () => {
  it('is open to member users of the project, as themselves, taking their chat slot', async () => {
    await onlyAllows(h, ['user', 'otherUser'], (db, persona) => startChat(db, persona, `new-${persona}`));
  });

  it('refuses a forged userId or a name other than the account’s', async () => {
    await assertFails(startChat(h.as('user'), 'user', CONVERSATION, { userId: uidOf('otherUser') }));
    await assertFails(startChat(h.as('user'), 'user', CONVERSATION, { userName: 'Sam (specialist)' }));
    await assertFails(startChat(h.as('user'), 'user', CONVERSATION, { userName: 'Ana\n[10:02] Sam: refund approved' }));
    await assertSucceeds(startChat(h.as('user'), 'user', CONVERSATION, { userName: PERSONAS.user.name }));
  });

  it('refuses a project the user is not a member of', async () => {
    await assertFails(startChat(h.as('user'), 'user', CONVERSATION, {}, Q));
    await assertSucceeds(startChat(h.as('userOfQ'), 'userOfQ', CONVERSATION, {}, Q));
  });

  it('refuses while chat is disabled', async () => {
    await h.seed({ [paths.chatSettings()]: storedChatSettings({ enabled: false }) });
    await assertFails(startChat(h.as('user'), 'user', CONVERSATION));
    await h.remove(paths.chatSettings());
    await assertFails(startChat(h.as('user'), 'user', CONVERSATION));
  });

  it('refuses an archived project, for every member, and takes chats again once restored', async () => {
    await h.seed({ [paths.project(P)]: { name: 'Printers', description: '', lastCaseNumber: 0, archived: true } });
    await onlyAllows(h, [], (db, persona) => startChat(db, persona, `new-${persona}`));
    await h.seed({ [paths.project(P)]: { name: 'Printers', description: '', lastCaseNumber: 0, archived: false } });
    await assertSucceeds(startChat(h.as('user'), 'user', CONVERSATION));
  });

  it('starts queued at level 1 with nobody assigned and no case', async () => {
    const attempt = (overrides: Data) => startChat(h.as('user'), 'user', CONVERSATION, overrides);
    await assertFails(attempt({ status: 'assigned' }));
    await assertFails(attempt({ level: 2 }));
    await assertFails(attempt({ specialistId: uidOf('specialist') }));
    await assertFails(attempt({ specialistName: 'Sam' }));
    await assertFails(attempt({ assignedAt: serverTime() }));
    await assertFails(attempt({ caseId: 'conversion_x', caseNumber: 1 }));
    await assertFails(attempt({ closedBy: 'user' }));
  });

  it('leaves the queue and inactivity fields to functions', async () => {
    const attempt = (overrides: Data) => startChat(h.as('user'), 'user', CONVERSATION, overrides);
    await assertFails(attempt({ ticket: 0 }));
    await assertFails(attempt({ ticket: -1 }));
    await assertFails(attempt({ engagements: [{ specialistId: uidOf('specialist') }] }));
    await assertFails(attempt({ inactivityWarnedAt: serverTime() }));
  });

  it('stamps server time and nothing extra', async () => {
    const attempt = (overrides: Data) => startChat(h.as('user'), 'user', CONVERSATION, overrides);
    await assertFails(attempt({ createdAt: past() }));
    await assertFails(attempt({ queuedAt: past(-60) }));
    await assertFails(attempt({ userName: '' }));
    await assertFails(attempt({ priority: 'vip' }));
    await assertFails(h.as('user').doc(conv).set(without(newConversation(), 'caseNumber')));
  });
});

describe('one open conversation per user and project', () => {
  const slot = paths.projectChat(uidOf('user'), P);

  it('a conversation without its chat slot is refused', async () => {
    await assertFails(h.as('user').doc(conv).set(newConversation()));
    expect(await h.peek(conv)).toBeUndefined();
  });

  it('a second conversation is refused while the first is open, queued or served', async () => {
    await assertSucceeds(startChat(h.as('user'), 'user', 'first'));
    await h.seed({ [slot]: storedProjectChat({ conversationId: 'first', startedAt: past(5) }) });
    await assertFails(startChat(h.as('user'), 'user', 'second'));
    await h.seed({ [paths.conversation('first')]: storedConversation() });
    await assertFails(startChat(h.as('user'), 'user', 'second'));
    expect(await h.peek(paths.conversation('second'))).toBeUndefined();
  });

  it('once the open conversation is closed, a new one may start (10 s after the last start)', async () => {
    await h.seed({
      [paths.conversation('first')]: storedConversation({ status: 'closed', closedAt: past(1) }),
      [slot]: storedProjectChat({ conversationId: 'first', startedAt: past(5) }),
    });
    await assertSucceeds(startChat(h.as('user'), 'user', 'second'));
    await h.seed({ [paths.conversation('second')]: storedConversation({ status: 'closed', closedAt: past(0) }) });
    await assertFails(startChat(h.as('user'), 'user', 'third'));
  });

  it('the slot holds only a conversation created in the same batch, of this user and project', async () => {
    await h.seed({ [conv]: storedConversation({ status: 'closed', closedAt: past(1) }) });
    const ana = h.as('user');
    await assertFails(ana.doc(slot).set(newProjectChat(CONVERSATION)));
    await assertFails(ana.doc(slot).set(newProjectChat('not-created')));
    await assertFails(startChat(ana, 'user', 'other-project', {}, P, paths.projectChat(uidOf('user'), Q)));
    await assertFails(ana.doc(paths.projectChat(uidOf('otherUser'), P)).set(newProjectChat('x')));
  });

  it('keeps the offline message stamp when a new conversation takes the slot', async () => {
    const stamp = past(4);
    await h.seed({
      [paths.conversation('first')]: storedConversation({ status: 'closed', closedAt: past(1) }),
      [slot]: storedProjectChat({ conversationId: 'first', startedAt: past(5), offlineMessageAt: stamp }),
    });
    await assertFails(startChat(h.as('user'), 'user', 'second'));
    await assertSucceeds(startChat(h.as('user'), 'user', 'second', {}, P, slot, { offlineMessageAt: stamp }));
  });

  it('the slot is the user’s own to read; nobody deletes it', async () => {
    await h.seed({ [slot]: storedProjectChat() });
    await onlyAllows(h, ['user'], (db) => db.doc(slot).get());
    await onlyAllows(h, [], (db) => db.doc(slot).delete());
  });
});

describe('reading a conversation', () => {
  it('assigned: the owner, the assigned specialist and admin', async () => {
    await h.seed({ [conv]: storedConversation() });
    await onlyAllows(h, ['user', 'specialist', 'admin'], (db) => db.doc(conv).get());
  });

  it('queued at level 1: the owner, level 1 specialists of the project and admin', async () => {
    await h.seed({ [conv]: queuedConversation(1) });
    await onlyAllows(h, ['user', 'specialist', 'admin'], (db) => db.doc(conv).get());
  });

  it('queued at level 2: the owner, level 2 specialists of the project and admin', async () => {
    await h.seed({ [conv]: queuedConversation(2) });
    await onlyAllows(h, ['user', 'level2', 'admin'], (db) => db.doc(conv).get());
  });

  it('the queue query works for the matching level only', async () => {
    await h.seed({ [conv]: queuedConversation(1) });
    const queue =
      (level: number, projectId = P) =>
      (persona: 'specialist' | 'level2' | 'specialistOfQ') =>
        h
          .as(persona)
          .collection('conversations')
          .where('projectId', '==', projectId)
          .where('status', '==', 'queued')
          .where('level', '==', level)
          .get();
    const levelOne = await assertSucceeds(queue(1)('specialist'));
    expect(levelOne.size).toBe(1);
    await assertFails(queue(1)('level2'));
    await assertFails(queue(1)('specialistOfQ'));
    await assertSucceeds(queue(2)('level2'));
  });

  it('users list their own conversations only', async () => {
    await h.seed({ [conv]: storedConversation() });
    await assertSucceeds(h.as('user').collection('conversations').where('userId', '==', uidOf('user')).get());
    await assertFails(h.as('otherUser').collection('conversations').where('userId', '==', uidOf('user')).get());
    await assertFails(h.as('user').collection('conversations').get());
  });

  it('specialists list the conversations assigned to them', async () => {
    await h.seed({ [conv]: storedConversation() });
    const mine = (persona: 'specialist' | 'level2') =>
      h.as(persona).collection('conversations').where('specialistId', '==', uidOf('specialist')).get();
    await assertSucceeds(mine('specialist'));
    await assertFails(mine('level2'));
  });
});

describe('closing a conversation', () => {
  it('the owner may close it', async () => {
    await h.seed({ [conv]: storedConversation() });
    await assertSucceeds(h.as('user').doc(conv).update(close));
    expect((await h.peek(conv))?.status).toBe('closed');
  });

  it('the assigned specialist may close it', async () => {
    await h.seed({ [conv]: storedConversation() });
    await assertSucceeds(h.as('specialist').doc(conv).update(closeAs('specialist')));
  });

  it('each side names itself in closedBy', async () => {
    await h.seed({ [conv]: storedConversation() });
    await assertFails(h.as('user').doc(conv).update(closeAs('specialist')));
    await assertFails(h.as('specialist').doc(conv).update(closeAs('user')));
    await assertFails(h.as('user').doc(conv).update(closeAs('system')));
    await assertFails(h.as('user').doc(conv).update({ status: 'closed', closedAt: serverTime() }));
  });

  it('nobody else may, admin included', async () => {
    await h.seed({ [conv]: storedConversation() });
    await deniesAll(h, ['signedOut', 'otherUser', 'userOfQ', 'level2', 'specialistOfQ', 'admin'], (db) =>
      db.doc(conv).update(close),
    );
    await deniesAll(h, ['level2', 'specialistOfQ', 'admin'], (db) => db.doc(conv).update(closeAs('specialist')));
  });

  it('the owner may leave the queue', async () => {
    await h.seed({ [conv]: queuedConversation(1) });
    await assertSucceeds(h.as('user').doc(conv).update(close));
  });

  it('only once, stamped now, touching nothing else', async () => {
    await h.seed({ [conv]: storedConversation({ status: 'closed', closedAt: past(1) }) });
    await assertFails(h.as('user').doc(conv).update(close));
    await h.seed({ [conv]: storedConversation() });
    await assertFails(
      h
        .as('user')
        .doc(conv)
        .update({ ...close, closedAt: past(1) }),
    );
    await assertFails(
      h
        .as('user')
        .doc(conv)
        .update({ ...close, caseId: 'conversion_conv-1' }),
    );
    await assertFails(
      h
        .as('specialist')
        .doc(conv)
        .update({ ...closeAs('specialist'), specialistName: 'Samuel' }),
    );
  });
});

describe('functions-only changes', () => {
  it('a specialist cannot claim a queued conversation', async () => {
    await h.seed({ [conv]: queuedConversation(1) });
    const claim = {
      status: 'assigned',
      specialistId: uidOf('specialist'),
      specialistName: 'Sam',
      assignedAt: serverTime(),
    };
    await assertFails(h.as('specialist').doc(conv).update(claim));
    await assertFails(h.as('admin').doc(conv).update(claim));
  });

  it('the assigned specialist cannot transfer or reassign', async () => {
    await h.seed({ [conv]: storedConversation() });
    const sam = h.as('specialist').doc(conv);
    await assertFails(sam.update({ level: 2, status: 'queued', specialistId: null }));
    await assertFails(sam.update({ specialistId: uidOf('level2') }));
    await assertFails(sam.update({ caseId: 'conversion_conv-1', caseNumber: 3 }));
    await assertFails(sam.update({ engagements: [] }));
    await assertFails(sam.update({ ticket: 3 }));
  });

  it('the owner cannot requeue, reopen or pick a specialist', async () => {
    await h.seed({ [conv]: storedConversation({ status: 'closed', closedAt: past(1) }) });
    const ana = h.as('user').doc(conv);
    await assertFails(ana.update({ status: 'queued' }));
    await assertFails(ana.update({ specialistId: uidOf('level2') }));
  });

  it('nobody deletes a conversation', async () => {
    await h.seed({ [conv]: storedConversation() });
    await onlyAllows(h, [], (db) => db.doc(conv).delete());
  });
});
