// conversations/{c}/messages/{m} and typing/{uid}: participants talk, staff
// notes stay with staff, nothing is edited afterwards.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '$shared/catalogue';
import {
  CONVERSATION,
  assertFails,
  assertSucceeds,
  deniesAll,
  deleteField,
  newMessage,
  onlyAllows,
  past,
  paths,
  queuedConversation,
  rulesHarness,
  serverTime,
  storedConversation,
  storedMessage,
  tooLong,
  uidOf,
  type RulesHarness,
} from './support';

let h: RulesHarness;
beforeAll(async () => {
  h = await rulesHarness('messages');
});
beforeEach(() => h.reset());
afterAll(() => h?.finish());

const conv = paths.conversation(CONVERSATION);
const message = (id: string) => paths.message(CONVERSATION, id);
const fromAna = message('from-ana');
const note = message('note');
const staffNote = storedMessage({
  authorId: uidOf('specialist'),
  authorRole: 'specialist',
  authorName: 'Sam',
  kind: 'note',
  visibility: 'staff',
  text: 'Customer sounds upset; check the warranty.',
});

describe('reading messages', () => {
  beforeEach(() => h.seed({ [conv]: storedConversation(), [fromAna]: storedMessage(), [note]: staffNote }));

  it('a visible message: the owner, the assigned specialist and admin', async () => {
    await onlyAllows(h, ['user', 'specialist', 'admin'], (db) => db.doc(fromAna).get());
  });

  it('a staff note: the assigned specialist and admin, never the user', async () => {
    await onlyAllows(h, ['specialist', 'admin'], (db) => db.doc(note).get());
  });

  it('the user’s query must ask for visible messages only', async () => {
    const messages = h.as('user').collection(`${conv}/messages`);
    const visible = await assertSucceeds(messages.where('visibility', '==', 'all').get());
    expect(visible.size).toBe(1);
    await assertFails(messages.get());
    await assertSucceeds(h.as('specialist').collection(`${conv}/messages`).get());
  });

  it('a queued level 1 conversation: level 1 specialists of the project, not level 2', async () => {
    await h.seed({ [conv]: queuedConversation(1) });
    await onlyAllows(h, ['user', 'specialist', 'admin'], (db) => db.doc(fromAna).get());
  });

  it('a transferred conversation queued at level 2: level 2 specialists only', async () => {
    await h.seed({ [conv]: queuedConversation(2) });
    await onlyAllows(h, ['level2', 'admin'], (db) => db.doc(note).get());
  });
});

describe('writing messages', () => {
  beforeEach(() => h.seed({ [conv]: storedConversation() }));

  it('the owner and the assigned specialist post text, as themselves', async () => {
    await assertSucceeds(h.as('user').doc(message('a')).set(newMessage('user')));
    await assertSucceeds(h.as('specialist').doc(message('b')).set(newMessage('specialist')));
  });

  it('nobody else posts, admin included', async () => {
    await deniesAll(h, ['signedOut', 'otherUser', 'userOfQ', 'level2', 'specialistOfQ', 'admin'], (db) =>
      db.doc(message('c')).set(newMessage('user')),
    );
    await deniesAll(h, ['level2', 'admin'], (db) => db.doc(message('d')).set(newMessage('specialist')));
  });

  it('refuses forged authors and roles', async () => {
    await assertFails(h.as('user').doc(message('e')).set(newMessage('specialist')));
    await assertFails(h.as('user').doc(message('e')).set(newMessage('user', { authorId: uidOf('otherUser') })));
    await assertFails(h.as('user').doc(message('e')).set(newMessage('user', { authorRole: 'specialist' })));
    await assertFails(h.as('specialist').doc(message('e')).set(newMessage('specialist', { authorRole: 'user' })));
    await assertFails(h.as('otherUser').doc(message('e')).set(newMessage('user', { authorId: uidOf('otherUser') })));
  });

  it('staff notes come from the assigned specialist, with staff visibility', async () => {
    const noteFrom = (author: 'user' | 'specialist', visibility: string) =>
      newMessage(author, { kind: 'note', visibility });
    await assertSucceeds(h.as('specialist').doc(message('n1')).set(noteFrom('specialist', 'staff')));
    await assertFails(h.as('specialist').doc(message('n2')).set(noteFrom('specialist', 'all')));
    await assertFails(h.as('specialist').doc(message('n3')).set(newMessage('specialist', { visibility: 'staff' })));
    await assertFails(h.as('user').doc(message('n4')).set(noteFrom('user', 'staff')));
    await assertFails(h.as('user').doc(message('n5')).set(newMessage('user', { visibility: 'staff' })));
  });

  it('system messages are functions-only', async () => {
    const system = { authorRole: 'system', kind: 'system' };
    await assertFails(h.as('specialist').doc(message('s')).set(newMessage('specialist', system)));
    await assertFails(h.as('user').doc(message('s')).set(newMessage('user', system)));
  });

  it('text is 1..4000 characters, stamped now, nothing extra', async () => {
    const ana = h.as('user');
    await assertSucceeds(ana.doc(message('t1')).set(newMessage('user', { text: 'x'.repeat(4000) })));
    await assertFails(ana.doc(message('t2')).set(newMessage('user', { text: tooLong(LIMITS.messageText) })));
    await assertFails(ana.doc(message('t3')).set(newMessage('user', { text: '' })));
    await assertFails(ana.doc(message('t4')).set(newMessage('user', { text: ['hi'] })));
    await assertFails(ana.doc(message('t5')).set(newMessage('user', { createdAt: past() })));
    await assertFails(ana.doc(message('t6')).set(newMessage('user', { attachments: [] })));
    await assertFails(ana.doc(message('t7')).set(newMessage('user', { authorName: '' })));
  });

  it('the owner may write while queued, nobody once it is closed', async () => {
    await h.seed({ [conv]: queuedConversation(1) });
    await assertSucceeds(h.as('user').doc(message('q')).set(newMessage('user')));
    await assertFails(h.as('specialist').doc(message('q2')).set(newMessage('specialist')));
    await h.seed({ [conv]: storedConversation({ status: 'closed', closedAt: past(1) }) });
    await assertFails(h.as('user').doc(message('late')).set(newMessage('user')));
    await assertFails(h.as('specialist').doc(message('late2')).set(newMessage('specialist')));
  });

  it('no one edits or deletes a message once sent', async () => {
    await h.seed({ [fromAna]: storedMessage(), [note]: staffNote });
    await assertFails(h.as('user').doc(fromAna).update({ text: 'I never said that.' }));
    await assertFails(h.as('specialist').doc(fromAna).update({ text: 'Edited by staff.' }));
    await assertFails(h.as('user').doc(fromAna).delete());
    await assertFails(h.as('specialist').doc(fromAna).delete());
    await assertFails(h.as('specialist').doc(note).update({ visibility: 'all' }));
    await assertFails(h.as('admin').doc(fromAna).delete());
  });
});

describe('typing indicators', () => {
  const typing = (persona: 'user' | 'specialist' | 'otherUser') => paths.typing(CONVERSATION, uidOf(persona));
  beforeEach(() => h.seed({ [conv]: storedConversation() }));

  it('each participant writes their own indicator', async () => {
    await assertSucceeds(h.as('user').doc(typing('user')).set({ at: serverTime() }));
    await assertSucceeds(h.as('specialist').doc(typing('specialist')).set({ at: serverTime() }));
    await assertSucceeds(h.as('specialist').doc(typing('specialist')).delete());
  });

  it('not someone else’s, and not as an outsider', async () => {
    await assertFails(h.as('user').doc(typing('specialist')).set({ at: serverTime() }));
    await assertFails(h.as('otherUser').doc(typing('otherUser')).set({ at: serverTime() }));
    await h.seed({ [typing('user')]: { at: past(1) } });
    await assertFails(h.as('specialist').doc(typing('user')).delete());
  });

  it('holds only the server time', async () => {
    await assertFails(h.as('user').doc(typing('user')).set({ at: past() }));
    await assertFails(h.as('user').doc(typing('user')).set({ at: serverTime(), text: 'draft' }));
    await h.seed({ [typing('user')]: { at: past(1) } });
    await assertFails(h.as('user').doc(typing('user')).update({ at: deleteField() }));
  });

  it('is read by the participants only', async () => {
    await h.seed({ [typing('user')]: { at: past(1) } });
    await onlyAllows(h, ['user', 'specialist'], (db) => db.doc(typing('user')).get());
  });
});
