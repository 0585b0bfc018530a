// conversations/{c}/messages/{m} and typing/{uid}: participants talk, staff
// notes stay with staff, nothing is edited afterwards.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS, VOLUME, clientMessageId } from '$shared/catalogue';
import {
  CONVERSATION,
  assertFails,
  assertSucceeds,
  claimedUid,
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
  type Persona,
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
  /** `persona`'s n-th message of the conversation, under its own id. */
  const nth = (persona: Persona, n: number) => message(clientMessageId(claimedUid(persona), n));

  it('the owner and the assigned specialist post text, as themselves', async () => {
    await assertSucceeds(h.as('user').doc(nth('user', 1)).set(newMessage('user')));
    await assertSucceeds(h.as('specialist').doc(nth('specialist', 1)).set(newMessage('specialist')));
  });

  it('nobody else posts, admin included', async () => {
    await deniesAll(h, ['signedOut', 'otherUser', 'userOfQ', 'level2', 'specialistOfQ', 'admin'], (db, persona) =>
      db.doc(nth(persona, 1)).set(newMessage('user', { authorId: claimedUid(persona) })),
    );
    await deniesAll(h, ['level2', 'admin'], (db, persona) =>
      db.doc(nth(persona, 1)).set(newMessage('specialist', { authorId: claimedUid(persona) })),
    );
  });

  it('refuses forged authors and roles', async () => {
    await assertFails(h.as('user').doc(nth('user', 1)).set(newMessage('specialist')));
    await assertFails(
      h
        .as('user')
        .doc(nth('user', 1))
        .set(newMessage('user', { authorId: uidOf('otherUser') })),
    );
    await assertFails(
      h
        .as('user')
        .doc(nth('user', 1))
        .set(newMessage('user', { authorRole: 'specialist' })),
    );
    await assertFails(
      h
        .as('specialist')
        .doc(nth('specialist', 1))
        .set(newMessage('specialist', { authorRole: 'user' })),
    );
    await assertFails(
      h
        .as('otherUser')
        .doc(nth('otherUser', 1))
        .set(newMessage('user', { authorId: uidOf('otherUser') })),
    );
  });

  it('carries no author name: a typed name could impersonate anyone', async () => {
    await assertFails(
      h
        .as('user')
        .doc(nth('user', 1))
        .set(newMessage('user', { authorName: 'Sam (specialist)' })),
    );
    await assertFails(
      h
        .as('user')
        .doc(nth('user', 1))
        .set(newMessage('user', { authorName: 'Ana' })),
    );
  });

  it('staff notes come from the assigned specialist, with staff visibility', async () => {
    const noteFrom = (author: 'user' | 'specialist', visibility: string) =>
      newMessage(author, { kind: 'note', visibility });
    await assertSucceeds(h.as('specialist').doc(nth('specialist', 1)).set(noteFrom('specialist', 'staff')));
    await assertFails(h.as('specialist').doc(nth('specialist', 2)).set(noteFrom('specialist', 'all')));
    await assertFails(
      h
        .as('specialist')
        .doc(nth('specialist', 2))
        .set(newMessage('specialist', { visibility: 'staff' })),
    );
    await assertFails(h.as('user').doc(nth('user', 1)).set(noteFrom('user', 'staff')));
    await assertFails(
      h
        .as('user')
        .doc(nth('user', 1))
        .set(newMessage('user', { visibility: 'staff' })),
    );
  });

  it('system messages are functions-only', async () => {
    const system = { authorRole: 'system', kind: 'system' };
    await assertFails(h.as('specialist').doc(nth('specialist', 1)).set(newMessage('specialist', system)));
    await assertFails(h.as('user').doc(nth('user', 1)).set(newMessage('user', system)));
  });

  it('text is 1..4000 characters, stamped now, nothing extra', async () => {
    const ana = h.as('user');
    await assertFails(ana.doc(nth('user', 1)).set(newMessage('user', { text: tooLong(LIMITS.messageText) })));
    await assertFails(ana.doc(nth('user', 1)).set(newMessage('user', { text: '' })));
    await assertFails(ana.doc(nth('user', 1)).set(newMessage('user', { text: ['hi'] })));
    await assertFails(ana.doc(nth('user', 1)).set(newMessage('user', { createdAt: past() })));
    await assertFails(ana.doc(nth('user', 1)).set(newMessage('user', { attachments: [] })));
    await assertSucceeds(ana.doc(nth('user', 1)).set(newMessage('user', { text: 'x'.repeat(4000) })));
  });

  it('the owner may write while queued, nobody once it is closed', async () => {
    await h.seed({ [conv]: queuedConversation(1) });
    await assertSucceeds(h.as('user').doc(nth('user', 1)).set(newMessage('user')));
    await assertFails(h.as('specialist').doc(nth('specialist', 1)).set(newMessage('specialist')));
    await h.seed({ [conv]: storedConversation({ status: 'closed', closedAt: past(1) }) });
    await assertFails(h.as('user').doc(nth('user', 2)).set(newMessage('user')));
    await assertFails(h.as('specialist').doc(nth('specialist', 1)).set(newMessage('specialist')));
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

describe('message ids and volume', () => {
  beforeEach(() => h.seed({ [conv]: storedConversation() }));
  const ana = (n: number) => message(clientMessageId(uidOf('user'), n));
  /** Seeds ana's messages `from`..`to` as written `minutesAgo`. */
  const history = (from: number, to: number, minutesAgo: number) =>
    h.seed(
      Object.fromEntries(
        Array.from({ length: to - from + 1 }, (_, i) => [
          ana(from + i),
          storedMessage({ createdAt: past(minutesAgo) }),
        ]),
      ),
    );

  it('a client cannot take a function’s id, nor anyone else’s', async () => {
    for (const id of [
      'system-closed',
      'system-welcome',
      'note-transfer-2',
      'free-text',
      `${uidOf('specialist')}~0001`,
      `${uidOf('user')}~1`,
      `${uidOf('user')}~00001`,
    ]) {
      await assertFails(h.as('user').doc(message(id)).set(newMessage('user')));
    }
    expect(await h.peek(message('system-closed'))).toBeUndefined();
  });

  it('the sequence has no gaps and is never reused', async () => {
    await assertFails(h.as('user').doc(ana(2)).set(newMessage('user')));
    await assertSucceeds(h.as('user').doc(ana(1)).set(newMessage('user')));
    await assertFails(
      h
        .as('user')
        .doc(ana(1))
        .set(newMessage('user', { text: 'Overwritten?' })),
    );
    await assertSucceeds(h.as('user').doc(ana(2)).set(newMessage('user')));
  });

  it(`at most ${VOLUME.messageBurst} messages a minute per author`, async () => {
    await history(1, 30, 0.5);
    await assertFails(h.as('user').doc(ana(31)).set(newMessage('user')));
    await history(1, 1, 2);
    await assertSucceeds(h.as('user').doc(ana(31)).set(newMessage('user')));
  });

  it(`at most ${VOLUME.messagesPerAuthor} messages per author and conversation`, async () => {
    await history(1999, 1999, 30);
    await h.seed({ [ana(1970)]: storedMessage({ createdAt: past(30) }) });
    await assertSucceeds(h.as('user').doc(ana(2000)).set(newMessage('user')));
    await assertFails(h.as('user').doc(ana(2001)).set(newMessage('user')));
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

  it('at most once a second', async () => {
    await h.seed({ [typing('user')]: { at: past(0) } });
    await assertFails(h.as('user').doc(typing('user')).set({ at: serverTime() }));
    await h.seed({ [typing('user')]: { at: past(0.1) } });
    await assertSucceeds(h.as('user').doc(typing('user')).set({ at: serverTime() }));
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
