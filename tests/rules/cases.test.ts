// cases/{c} and cases/{c}/history/{revision}: staff of the case's project and
// admins read them, the requester reads their own case and its public history;
// only functions write either.
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import type { CaseDoc, CaseHistoryDoc } from '$shared/model';
import { caseIdFor, COLLECTIONS, SUBCOLLECTIONS } from '$shared/catalogue';
import {
  EVERYONE,
  P,
  Q,
  assertFails,
  assertSucceeds,
  deniesAll,
  onlyAllows,
  past,
  paths,
  rulesHarness,
  uidOf,
  type RulesHarness,
} from './support';

let h: RulesHarness;
beforeAll(async () => {
  h = await rulesHarness('cases');
});
beforeEach(() => h.reset());
afterAll(() => h?.finish());

const caseId = caseIdFor('conversion', 'conv-1');
const storedCase = (overrides: Partial<CaseDoc> = {}): CaseDoc => ({
  projectId: P,
  number: 1,
  subject: 'Chat: printer on fire',
  templateId: 'chat',
  defaults: { type: 'Incident', category: 'Chat', service: 'Printing', priority: 'high', group: 'L1' },
  circumstance: 'conversion',
  sourceId: 'conv-1',
  requesterId: uidOf('user'),
  requesterName: 'Ana',
  description: 'My printer is on fire.',
  createdAt: past(),
  createdBy: uidOf('specialist'),
  status: 'in_progress',
  assigneeId: uidOf('specialist'),
  assigneeName: 'Sam',
  updatedAt: past(1),
  revision: 2,
  conversationId: 'conv-1',
  ...overrides,
});
const entry = (revision: number, overrides: Partial<CaseHistoryDoc> = {}): CaseHistoryDoc => ({
  revision,
  kind: 'updated',
  at: past(1),
  actorId: uidOf('specialist'),
  actorName: 'Sam',
  actorRole: 'specialist',
  status: { from: 'new', to: 'in_progress' },
  assignee: null,
  comment: null,
  visibility: 'all',
  requestId: `req-${revision}`,
  ...overrides,
});
const casePath = paths.case(caseId);
const publicEntry = paths.caseHistory(caseId, 1);
const internalEntry = paths.caseHistory(caseId, 2);
const history = (db: ReturnType<RulesHarness['as']>) =>
  db.collection(COLLECTIONS.cases).doc(caseId).collection(SUBCOLLECTIONS.history);

/** The requester's account disabled, as an admin leaves it. */
const disableRequester = () =>
  h.seed({
    [paths.user(uidOf('user'))]: { displayName: 'Ana', email: 'ana@example.com', role: 'user', disabled: true },
  });

beforeEach(() =>
  h.seed({
    [casePath]: storedCase(),
    [publicEntry]: entry(1),
    [internalEntry]: entry(2, { status: null, comment: 'VIP, be quick', visibility: 'staff' }),
  }),
);

describe('cases/{c}: reading', () => {
  it('gets: the requester, specialists of the project (any level), admin; not another member, another project’s people or the signed out', async () => {
    await onlyAllows(h, ['user', 'specialist', 'level2', 'admin'], (db) => db.doc(casePath).get());
  });

  it('a case of another user is closed to a hostile member, even with its id', async () => {
    const bens = caseIdFor('offline', 'conv-ben');
    await h.seed({ [paths.case(bens)]: storedCase({ requesterId: uidOf('otherUser'), requesterName: 'Ben' }) });
    await assertFails(h.as('user').doc(paths.case(bens)).get());
    await assertSucceeds(h.as('otherUser').doc(paths.case(bens)).get());
  });

  it('a case of project Q is closed to P’s specialists and open to Q’s', async () => {
    const other = caseIdFor('offline', 'conv-q');
    await h.seed({ [paths.case(other)]: storedCase({ projectId: Q, requesterId: uidOf('userOfQ') }) });
    await onlyAllows(h, ['userOfQ', 'specialistOfQ', 'admin'], (db) => db.doc(paths.case(other)).get());
  });

  it('lists for the requester only when the query names them', async () => {
    const db = h.as('user');
    await assertSucceeds(db.collection(COLLECTIONS.cases).where('requesterId', '==', uidOf('user')).get());
    await assertFails(db.collection(COLLECTIONS.cases).get());
    await assertFails(db.collection(COLLECTIONS.cases).where('projectId', '==', P).get());
    await assertFails(h.as('otherUser').collection(COLLECTIONS.cases).where('requesterId', '==', uidOf('user')).get());
  });

  it('lists for a specialist by a project they serve, with the inbox filters', async () => {
    const inbox = (projectId: string) =>
      h
        .as('specialist')
        .collection(COLLECTIONS.cases)
        .where('projectId', '==', projectId)
        .where('status', '==', 'in_progress')
        .orderBy('createdAt', 'desc')
        .get();
    await assertSucceeds(inbox(P));
    await assertFails(inbox(Q));
    await assertFails(h.as('specialist').collection(COLLECTIONS.cases).get());
    await assertFails(h.as('specialist').collection(COLLECTIONS.cases).where('status', '==', 'new').get());
    await assertFails(h.as('specialistOfQ').collection(COLLECTIONS.cases).where('projectId', '==', P).get());
  });

  it('lists everything for an admin', async () => {
    await assertSucceeds(h.as('admin').collection(COLLECTIONS.cases).get());
  });

  it('a disabled requester reads nothing', async () => {
    await disableRequester();
    await assertFails(h.as('user').doc(casePath).get());
    await assertFails(h.as('user').collection(COLLECTIONS.cases).where('requesterId', '==', uidOf('user')).get());
  });
});

describe('cases/{c}: writing', () => {
  it('takes no client create, update or delete, not even from admin', async () => {
    await onlyAllows(h, [], (db) => db.doc(paths.case(caseIdFor('conversion', 'conv-9'))).set(storedCase()));
    await onlyAllows(h, [], (db) => db.doc(casePath).update({ status: 'resolved', revision: 3 }));
    await onlyAllows(h, [], (db) => db.doc(casePath).update({ assigneeId: uidOf('level2'), assigneeName: 'Lia' }));
    await onlyAllows(h, [], (db) => db.doc(casePath).delete());
  });
});

describe('cases/{c}/history/{revision}', () => {
  it('public entries: the case’s staff and its requester', async () => {
    await onlyAllows(h, ['user', 'specialist', 'level2', 'admin'], (db) => db.doc(publicEntry).get());
  });

  it('entries with an internal comment: the case’s staff only', async () => {
    await onlyAllows(h, ['specialist', 'level2', 'admin'], (db) => db.doc(internalEntry).get());
  });

  it('the requester lists only with the visibility filter', async () => {
    await assertSucceeds(history(h.as('user')).where('visibility', '==', 'all').get());
    await assertFails(history(h.as('user')).get());
    await assertFails(history(h.as('user')).where('visibility', '==', 'staff').get());
  });

  it('staff list the whole trail; another project’s specialist and another member list nothing', async () => {
    await assertSucceeds(history(h.as('specialist')).orderBy('revision').get());
    await assertSucceeds(history(h.as('admin')).get());
    for (const persona of ['specialistOfQ', 'otherUser', 'userOfQ', 'signedOut'] as const) {
      await assertFails(history(h.as(persona)).where('visibility', '==', 'all').get());
    }
  });

  it('a disabled requester reads no entry', async () => {
    await disableRequester();
    await assertFails(h.as('user').doc(publicEntry).get());
  });

  it('takes no client writes: no forged entry, no edit, no delete', async () => {
    await onlyAllows(h, [], (db) => db.doc(paths.caseHistory(caseId, 3)).set(entry(3)));
    await onlyAllows(h, [], (db) => db.doc(publicEntry).update({ comment: 'Never happened' }));
    await deniesAll(h, EVERYONE, (db) => db.doc(internalEntry).delete());
  });
});
