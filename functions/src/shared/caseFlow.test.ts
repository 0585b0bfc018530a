import { describe, expect, it } from 'vitest';
import { CASE_STATUSES } from './catalogue';
import { canMoveCase, caseActionLabel, caseState } from './caseFlow';

describe('canMoveCase', () => {
  it('allows exactly new → in progress → resolved and reopening', () => {
    const allowed = CASE_STATUSES.flatMap((from) =>
      CASE_STATUSES.filter((to) => canMoveCase(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual(['new→in_progress', 'in_progress→resolved', 'resolved→in_progress']);
  });

  it('never allows staying put or skipping work', () => {
    for (const status of CASE_STATUSES) expect(canMoveCase(status, status)).toBe(false);
    expect(canMoveCase('new', 'resolved')).toBe(false);
    expect(canMoveCase('resolved', 'new')).toBe(false);
  });
});

describe('caseActionLabel', () => {
  it('names each move', () => {
    expect(caseActionLabel('new', 'in_progress')).toBe('Start work');
    expect(caseActionLabel('in_progress', 'resolved')).toBe('Resolve');
    expect(caseActionLabel('resolved', 'in_progress')).toBe('Reopen');
  });
});

describe('caseState', () => {
  it('reads a case written before the inbox as new, revision 0, unassigned, updated when created', () => {
    const createdAt = { toMillis: () => 5 } as never;
    expect(caseState({ createdAt, sourceId: 'conv-9' })).toEqual({
      status: 'new',
      revision: 0,
      assigneeId: null,
      assigneeName: null,
      conversationId: 'conv-9',
      updatedAt: createdAt,
    });
  });

  it('keeps the fields of a current case', () => {
    const at = { toMillis: () => 9 } as never;
    expect(
      caseState({
        status: 'resolved',
        revision: 3,
        assigneeId: 'sam',
        assigneeName: 'Sam',
        conversationId: 'conv-1',
        updatedAt: at,
      }),
    ).toEqual({
      status: 'resolved',
      revision: 3,
      assigneeId: 'sam',
      assigneeName: 'Sam',
      conversationId: 'conv-1',
      updatedAt: at,
    });
  });

  it('does not trust a malformed status or revision', () => {
    const state = caseState({ status: 'closed' as never, revision: -1 });
    expect(state.status).toBe('new');
    expect(state.revision).toBe(0);
  });
});
