// ratings/{conversationId}: one rating per closed conversation, by its user, of
// the specialist who answered it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_GENERAL_SETTINGS } from '$shared/settings';
import { LIMITS } from '$shared/catalogue';
import {
  CONVERSATION,
  Q,
  assertFails,
  assertSucceeds,
  newRating,
  onlyAllows,
  past,
  paths,
  rulesHarness,
  storedChatSettings,
  storedConversation,
  tooLong,
  uidOf,
  type RulesHarness,
} from './support';

let h: RulesHarness;
beforeAll(async () => {
  h = await rulesHarness('ratings');
});
beforeEach(() => h.reset());
afterAll(() => h?.finish());

const conv = paths.conversation(CONVERSATION);
const rating = paths.rating(CONVERSATION);
const closed = () => storedConversation({ status: 'closed', closedAt: past(1) });

describe('rating a conversation', () => {
  beforeEach(() => h.seed({ [conv]: closed() }));

  it('is for the conversation’s user only', async () => {
    await onlyAllows(h, ['user'], (db) => db.doc(rating).set(newRating()));
  });

  it('happens once', async () => {
    await assertSucceeds(h.as('user').doc(rating).set(newRating()));
    await assertFails(
      h
        .as('user')
        .doc(rating)
        .set(newRating({ score: 1 })),
    );
    await assertFails(h.as('user').doc(rating).update({ comment: 'Changed my mind.' }));
    await assertFails(h.as('user').doc(rating).delete());
    expect((await h.peek(rating))?.score).toBe(5);
  });

  it('waits until the conversation is closed', async () => {
    await h.seed({ [conv]: storedConversation() });
    await assertFails(h.as('user').doc(rating).set(newRating()));
  });

  it('needs a specialist who answered', async () => {
    await h.seed({ [conv]: storedConversation({ status: 'closed', specialistId: null, specialistName: null }) });
    await assertFails(
      h
        .as('user')
        .doc(rating)
        .set(newRating({ specialistId: null })),
    );
  });

  it('rates the specialist who answered, nobody else', async () => {
    await assertFails(
      h
        .as('user')
        .doc(rating)
        .set(newRating({ specialistId: uidOf('level2') })),
    );
  });

  it('matches the conversation it is filed under', async () => {
    const ana = h.as('user');
    await assertFails(ana.doc(rating).set(newRating({ conversationId: 'conv-2' })));
    await assertFails(ana.doc(rating).set(newRating({ projectId: Q })));
    await assertFails(ana.doc(rating).set(newRating({ userId: uidOf('otherUser') })));
    await assertFails(ana.doc(paths.rating('conv-2')).set(newRating({ conversationId: 'conv-2' })));
  });

  it('scores 1..5 in whole numbers, comment up to 1000 characters, stamped now', async () => {
    const ana = h.as('user').doc(rating);
    await assertFails(ana.set(newRating({ score: 0 })));
    await assertFails(ana.set(newRating({ score: 6 })));
    await assertFails(ana.set(newRating({ score: 4.5 })));
    await assertFails(ana.set(newRating({ comment: tooLong(LIMITS.ratingComment) })));
    await assertFails(ana.set(newRating({ createdAt: past() })));
    await assertFails(ana.set(newRating({ tip: 5 })));
    await assertSucceeds(ana.set(newRating({ score: 1, comment: '' })));
  });

  it('is refused while ratings are switched off', async () => {
    await h.seed({
      [paths.chatSettings()]: storedChatSettings({ general: { ...DEFAULT_GENERAL_SETTINGS, ratingEnabled: false } }),
    });
    await assertFails(h.as('user').doc(rating).set(newRating()));
  });
});

describe('reading a rating', () => {
  it('is for its user, the rated specialist and admin', async () => {
    await h.seed({ [conv]: closed(), [rating]: { ...newRating(), createdAt: past() } });
    await onlyAllows(h, ['user', 'specialist', 'admin'], (db) => db.doc(rating).get());
  });

  it('lists for a specialist by their own id only', async () => {
    await h.seed({ [conv]: closed(), [rating]: { ...newRating(), createdAt: past() } });
    const about = (uid: string) => h.as('specialist').collection('ratings').where('specialistId', '==', uid).get();
    await assertSucceeds(about(uidOf('specialist')));
    await assertFails(about(uidOf('level2')));
  });
});
