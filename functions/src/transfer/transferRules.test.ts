import { describe, expect, it } from 'vitest';
import type { PresenceDoc, Time } from '../shared/model';
import { endEngagement, startEngagement } from '../conversations/engagements';
import type { Candidate } from '../routing/pickSpecialist';
import { chooseTransferTarget, transferRefusal, transferSchema, type TransferView } from './transferRules';

const NOW = 1_700_000_000_000;
const at = (ms: number): Time => ({ toMillis: () => ms });
const online = (choice: PresenceDoc['choice'] = 'available'): PresenceDoc => ({
  choice,
  connections: { tab: at(NOW - 1_000) },
  updatedAt: at(NOW - 1_000),
});
const l2 = (uid: string, patch: Partial<Candidate> = {}): Candidate => ({
  uid,
  displayName: `Name ${uid}`,
  level: 2,
  presence: online(),
  activeCount: 0,
  lastAssignedAtMs: null,
  ...patch,
});
const served = (patch: Partial<TransferView> = {}): TransferView => ({
  status: 'assigned',
  level: 1,
  specialistId: 'me',
  engagements: startEngagement([], { specialistId: 'me', shownName: 'Me', level: 1 }, at(1)),
  ...patch,
});
const request = { projectName: 'Billing', maxConversations: 3, nowMs: NOW, waitingAtLevel2: 0 };

describe('transferSchema', () => {
  it('accepts an empty note and an optional target', () => {
    expect(transferSchema.safeParse({ conversationId: 'c', note: '' }).success).toBe(true);
    expect(transferSchema.safeParse({ conversationId: 'c', note: 'x', toSpecialistId: 's' }).success).toBe(true);
  });

  it('refuses a note over 2000 characters, a missing note and unknown keys', () => {
    expect(transferSchema.safeParse({ conversationId: 'c', note: 'x'.repeat(2001) }).success).toBe(false);
    expect(transferSchema.safeParse({ conversationId: 'c' }).success).toBe(false);
    expect(transferSchema.safeParse({ conversationId: 'c', note: '', level: 2 }).success).toBe(false);
  });
});

describe('transferRefusal', () => {
  it('lets the serving Level 1 specialist transfer', () => {
    expect(transferRefusal(served(), 'me')).toBeNull();
  });

  it('refuses a missing conversation with not-found', () => {
    expect(transferRefusal(undefined, 'me')?.code).toBe('not-found');
  });

  it('refuses anyone but the serving specialist with permission-denied', () => {
    expect(transferRefusal(served(), 'someone-else')?.code).toBe('permission-denied');
  });

  it('tells the loser of a simultaneous transfer that it already happened', () => {
    const ended = endEngagement(served().engagements, 'transferred', at(2));
    const transferred = served({
      level: 2,
      specialistId: 'l2',
      engagements: startEngagement(ended, { specialistId: 'l2', shownName: 'L2', level: 2 }, at(2)),
    });
    expect(transferRefusal(transferred, 'me')).toMatchObject({
      code: 'failed-precondition',
      message: expect.stringContaining('already'),
    });
  });

  it('refuses a conversation not being served or already at Level 2 with failed-precondition', () => {
    expect(transferRefusal(served({ status: 'closed' }), 'me')?.code).toBe('failed-precondition');
    expect(transferRefusal(served({ level: 2 }), 'me')?.code).toBe('failed-precondition');
  });
});

describe('chooseTransferTarget', () => {
  it('takes the least busy available Level 2 specialist when none is chosen', () => {
    const result = chooseTransferTarget([l2('a', { activeCount: 2 }), l2('b', { activeCount: 1 })], request);
    expect('target' in result && result.target.uid).toBe('b');
  });

  it('sends it to the Level 2 line when every Level 2 specialist is away, offline or at capacity', () => {
    const result = chooseTransferTarget([l2('a', { presence: online('away') }), l2('b', { activeCount: 3 })], request);
    expect(result).toEqual({ waitInLine: true });
  });

  it('does not jump the Level 2 line: with others waiting it joins them, unless a colleague was chosen by name', () => {
    const queued = { ...request, waitingAtLevel2: 2 };
    expect(chooseTransferTarget([l2('a')], queued)).toEqual({ waitInLine: true });
    const chosen = chooseTransferTarget([l2('a')], { ...queued, toSpecialistId: 'a' });
    expect('target' in chosen && chosen.target.uid).toBe('a');
  });

  it('refuses when the project has nobody at Level 2 to ever serve that line', () => {
    const level1Only = { ...l2('a'), level: 1 as const };
    for (const candidates of [[], [level1Only]]) {
      expect(chooseTransferTarget(candidates, request)).toEqual({
        refusal: {
          code: 'failed-precondition',
          message: 'Billing has no Level 2 specialist, so nobody could take the transfer; an admin can associate one.',
        },
      });
    }
  });

  it('takes the chosen colleague when available, even if busier than others', () => {
    const result = chooseTransferTarget([l2('a'), l2('b', { activeCount: 2 })], { ...request, toSpecialistId: 'b' });
    expect('target' in result && result.target.uid).toBe('b');
  });

  it('refuses a chosen colleague who is not a Level 2 specialist of the project, or not available', () => {
    const stranger = chooseTransferTarget([l2('a')], { ...request, toSpecialistId: 'zz' });
    expect(stranger).toMatchObject({
      refusal: { code: 'failed-precondition', message: expect.stringContaining('not a Level 2 specialist of Billing') },
    });
    const away = chooseTransferTarget([l2('a', { presence: online('away') }), l2('b')], {
      ...request,
      toSpecialistId: 'a',
    });
    expect(away).toMatchObject({
      refusal: { code: 'failed-precondition', message: expect.stringContaining('Name a is not available') },
    });
  });
});
