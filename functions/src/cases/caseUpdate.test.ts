import { describe, expect, it } from 'vitest';
import type { UpdateCaseRequest } from '../shared/callables';
import type { CaseState } from '../shared/caseFlow';
import { decideCaseChange, updateCaseSchema, type CaseChangeInput } from './caseUpdate';

const AT = 'now';
const current = (overrides: Partial<CaseState> = {}): CaseState => ({
  status: 'new',
  revision: 0,
  assigneeId: null,
  assigneeName: null,
  conversationId: 'conv-1',
  updatedAt: null,
  ...overrides,
});
const request = (overrides: Partial<UpdateCaseRequest> = {}): UpdateCaseRequest => ({
  caseId: 'conversion_conv-1',
  expectedRevision: 0,
  requestId: 'req-0001',
  ...overrides,
});
const input = (overrides: Partial<CaseChangeInput<string>> = {}): CaseChangeInput<string> => ({
  number: 7,
  current: current(),
  request: request({ status: 'in_progress' }),
  actor: { uid: 'sam', name: 'Sam', role: 'specialist' },
  assigneeName: null,
  nextEntry: null,
  at: AT,
  ...overrides,
});

describe('decideCaseChange', () => {
  it('moves a new case to in progress and assigns it, with one history entry for both', () => {
    const change = decideCaseChange(
      input({ request: request({ status: 'in_progress', assigneeId: 'sam' }), assigneeName: 'Sam' }),
    );
    expect(change).toEqual({
      action: 'apply',
      patch: { revision: 1, status: 'in_progress', assigneeId: 'sam', assigneeName: 'Sam', updatedAt: AT },
      entry: {
        revision: 1,
        kind: 'updated',
        at: AT,
        actorId: 'sam',
        actorName: 'Sam',
        actorRole: 'specialist',
        status: { from: 'new', to: 'in_progress' },
        assignee: { fromId: null, fromName: null, toId: 'sam', toName: 'Sam' },
        comment: null,
        visibility: 'all',
        requestId: 'req-0001',
      },
      result: { revision: 1, status: 'in_progress', assigneeId: 'sam', assigneeName: 'Sam', applied: true },
    });
  });

  it('refuses a move the flow does not allow, naming what is allowed', () => {
    const change = decideCaseChange(input({ request: request({ status: 'resolved' }) }));
    expect(change).toEqual({
      action: 'refuse',
      code: 'failed-precondition',
      message: 'A new case cannot become resolved; it can only become in progress.',
    });
  });

  it('reopens a resolved case', () => {
    const change = decideCaseChange(
      input({
        current: current({ status: 'resolved', revision: 4 }),
        request: request({ expectedRevision: 4, status: 'in_progress' }),
      }),
    );
    expect(change.action).toBe('apply');
    if (change.action === 'apply') expect(change.entry.status).toEqual({ from: 'resolved', to: 'in_progress' });
  });

  it('is a conflict when someone else changed the case since the caller saw it', () => {
    const change = decideCaseChange(
      input({ current: current({ revision: 2, status: 'in_progress', assigneeName: 'Lia', assigneeId: 'lia' }) }),
    );
    expect(change).toEqual({
      action: 'refuse',
      code: 'aborted',
      message:
        'Someone else changed case #7 since you opened it; it is now in progress, assigned to Lia. Look at the case again, then make your change.',
    });
  });

  it('answers a retry of a change already made without applying it again', () => {
    const after = current({ revision: 1, status: 'in_progress' });
    const change = decideCaseChange(input({ current: after, nextEntry: { requestId: 'req-0001', actorId: 'sam' } }));
    expect(change).toEqual({
      action: 'replay',
      result: { revision: 1, status: 'in_progress', assigneeId: null, assigneeName: null, applied: false },
    });
  });

  it('does not take another person’s change, or another request, for a retry', () => {
    const after = current({ revision: 1, status: 'in_progress' });
    expect(
      decideCaseChange(input({ current: after, nextEntry: { requestId: 'req-0001', actorId: 'lia' } })).action,
    ).toBe('refuse');
    expect(
      decideCaseChange(input({ current: after, nextEntry: { requestId: 'req-0002', actorId: 'sam' } })).action,
    ).toBe('refuse');
  });

  it('unassigns, and refuses a request that changes nothing', () => {
    const assigned = current({ assigneeId: 'sam', assigneeName: 'Sam' });
    const change = decideCaseChange(input({ current: assigned, request: request({ assigneeId: null }) }));
    expect(change.action === 'apply' && change.patch).toMatchObject({ assigneeId: null, assigneeName: null });
    expect(
      decideCaseChange(input({ current: assigned, request: request({ assigneeId: 'sam', status: 'new' }) })),
    ).toEqual({
      action: 'refuse',
      code: 'failed-precondition',
      message: 'Nothing to change: case #7 is already new, assigned to Sam.',
    });
  });

  it('keeps an internal comment from the requester, a public one not', () => {
    const internal = decideCaseChange(input({ request: request({ comment: '  VIP  ', internal: true }) }));
    const open = decideCaseChange(input({ request: request({ comment: 'We ordered a part.' }) }));
    expect(internal.action === 'apply' && internal.entry).toMatchObject({
      comment: 'VIP',
      visibility: 'staff',
      status: null,
    });
    expect(open.action === 'apply' && open.entry).toMatchObject({ comment: 'We ordered a part.', visibility: 'all' });
  });
});

describe('updateCaseSchema', () => {
  it('accepts a status change, an assignment or a comment', () => {
    expect(updateCaseSchema.safeParse(request({ status: 'in_progress' })).success).toBe(true);
    expect(updateCaseSchema.safeParse(request({ assigneeId: null })).success).toBe(true);
    expect(updateCaseSchema.safeParse(request({ comment: 'Called back.' })).success).toBe(true);
  });

  it('refuses an empty change, an unknown status, a path as id, a negative revision, extra keys', () => {
    expect(updateCaseSchema.safeParse(request({ comment: '   ' })).success).toBe(false);
    expect(updateCaseSchema.safeParse(request({ status: 'closed' as never })).success).toBe(false);
    expect(updateCaseSchema.safeParse(request({ caseId: 'cases/x', status: 'new' })).success).toBe(false);
    expect(updateCaseSchema.safeParse(request({ expectedRevision: -1, status: 'new' })).success).toBe(false);
    expect(updateCaseSchema.safeParse({ ...request({ status: 'new' }), revision: 3 }).success).toBe(false);
    expect(updateCaseSchema.safeParse(request({ status: 'new', comment: 'x'.repeat(2001) })).success).toBe(false);
  });
});
