// Hand-off to the service desk: a project's webhook, its signing secret and the
// delivery log. Admins read the config and the log; nobody reads the secret;
// every write goes through functions (the callables check the URL rule).
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import type { WebhookConfigDoc, WebhookDeliveryDoc, WebhookSecretDoc } from '$shared/model';
import { webhookEventId } from '$shared/catalogue';
import { P, Q, assertFails, onlyAllows, past, paths, rulesHarness, uidOf, type RulesHarness } from './support';

let h: RulesHarness;
beforeAll(async () => {
  h = await rulesHarness('handoff');
});
beforeEach(() => h.reset());
afterAll(() => h?.finish());

const config = (overrides: Partial<WebhookConfigDoc> = {}): WebhookConfigDoc => ({
  projectId: P,
  url: 'https://desk.example.com/hooks/chat',
  enabled: true,
  revision: 1,
  secretSetAt: past(),
  updatedAt: past(),
  updatedBy: uidOf('admin'),
  ...overrides,
});
const secret = (): WebhookSecretDoc => ({
  secret: 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQh',
  setAt: past(),
  setBy: uidOf('admin'),
});
const eventId = webhookEventId('offline_conv-1', 0);
const delivery = (overrides: Partial<WebhookDeliveryDoc> = {}): WebhookDeliveryDoc => ({
  projectId: P,
  caseId: 'offline_conv-1',
  type: 'case.created',
  revision: 0,
  body: '{"type":"case.created"}',
  status: 'failed',
  attempts: 8,
  lastStatusCode: 500,
  lastError: 'The desk answered HTTP 500; only 2xx counts as delivered.',
  lastAttemptAt: past(),
  nextAttemptAt: null,
  inFlightUntil: null,
  deliveredAt: null,
  createdAt: past(),
  updatedAt: past(),
  ...overrides,
});

async function disable(persona: 'admin' | 'specialist' | 'user') {
  const names = { admin: 'Ada', specialist: 'Sam', user: 'Ana' } as const;
  await h.seed({
    [paths.user(uidOf(persona))]: {
      displayName: names[persona],
      email: `${persona}@example.com`,
      role: persona,
      disabled: true,
    },
  });
}

describe('webhooks/{projectId}', () => {
  it('is readable by admin only', async () => {
    await h.seed({ [paths.webhook(P)]: config() });
    await onlyAllows(h, ['admin'], (db) => db.doc(paths.webhook(P)).get());
    await onlyAllows(h, ['admin'], (db) => db.collection('webhooks').get());
  });

  it('takes no client create, update or delete, not even from admin (the URL rule lives in the callable)', async () => {
    await onlyAllows(h, [], (db) => db.doc(paths.webhook(Q)).set(config({ projectId: Q })));
    await h.seed({ [paths.webhook(P)]: config() });
    await onlyAllows(h, [], (db) => db.doc(paths.webhook(P)).update({ url: 'http://169.254.169.254/' }));
    await onlyAllows(h, [], (db) => db.doc(paths.webhook(P)).update({ enabled: false }));
    await onlyAllows(h, [], (db) => db.doc(paths.webhook(P)).delete());
  });

  it('is closed to a disabled admin', async () => {
    await h.seed({ [paths.webhook(P)]: config() });
    await disable('admin');
    await assertFails(h.as('admin').doc(paths.webhook(P)).get());
  });
});

describe('webhookSecrets/{projectId}', () => {
  it('cannot be read by anyone, admin included, one by one or listed', async () => {
    await h.seed({ [paths.webhookSecret(P)]: secret() });
    await onlyAllows(h, [], (db) => db.doc(paths.webhookSecret(P)).get());
    await onlyAllows(h, [], (db) => db.collection('webhookSecrets').get());
  });

  it('cannot be set, replaced or deleted by any client', async () => {
    await onlyAllows(h, [], (db) => db.doc(paths.webhookSecret(Q)).set(secret()));
    await h.seed({ [paths.webhookSecret(P)]: secret() });
    await onlyAllows(h, [], (db) => db.doc(paths.webhookSecret(P)).set(secret()));
    await onlyAllows(h, [], (db) => db.doc(paths.webhookSecret(P)).delete());
  });
});

describe('webhookDeliveries/{eventId}', () => {
  it('is readable by admin only, one by one and listed by project', async () => {
    await h.seed({ [paths.webhookDelivery(eventId)]: delivery() });
    await onlyAllows(h, ['admin'], (db) => db.doc(paths.webhookDelivery(eventId)).get());
    await onlyAllows(h, ['admin'], (db) => db.collection('webhookDeliveries').where('projectId', '==', P).get());
  });

  it('takes no client writes: nobody forges a delivery, resets its attempts or marks it delivered', async () => {
    await onlyAllows(h, [], (db) => db.doc(paths.webhookDelivery(webhookEventId('offline_x', 0))).set(delivery()));
    await h.seed({ [paths.webhookDelivery(eventId)]: delivery() });
    await onlyAllows(h, [], (db) =>
      db.doc(paths.webhookDelivery(eventId)).update({ status: 'pending', attempts: 0, nextAttemptAt: past(0) }),
    );
    await onlyAllows(h, [], (db) => db.doc(paths.webhookDelivery(eventId)).update({ status: 'delivered' }));
    await onlyAllows(h, [], (db) => db.doc(paths.webhookDelivery(eventId)).delete());
  });

  it('is closed to disabled accounts', async () => {
    await h.seed({ [paths.webhookDelivery(eventId)]: delivery() });
    for (const persona of ['admin', 'specialist', 'user'] as const) {
      await disable(persona);
      await assertFails(h.as(persona).doc(paths.webhookDelivery(eventId)).get());
    }
  });
});
