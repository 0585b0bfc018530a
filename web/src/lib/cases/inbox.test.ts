import { describe, expect, it } from 'vitest';
import type { CaseHistoryDoc } from '$shared/model';
import { historyChanges, parseCaseSearch, shownToRequester } from './inbox';

describe('parseCaseSearch', () => {
  it('reads a number, with or without #', () => {
    expect(parseCaseSearch('12')).toEqual({ kind: 'number', number: 12 });
    expect(parseCaseSearch('  # 7 ')).toEqual({ kind: 'number', number: 7 });
  });

  it('reads anything else as a subject prefix, and nothing as no search', () => {
    expect(parseCaseSearch(' Chat: printer ')).toEqual({ kind: 'subject', prefix: 'Chat: printer' });
    expect(parseCaseSearch('12 printers')).toEqual({ kind: 'subject', prefix: '12 printers' });
    expect(parseCaseSearch('   ')).toBeNull();
  });
});

const entry = (overrides: Partial<CaseHistoryDoc>): CaseHistoryDoc =>
  ({
    kind: 'updated',
    status: null,
    assignee: null,
    comment: null,
    visibility: 'all',
    ...overrides,
  }) as CaseHistoryDoc;

describe('historyChanges', () => {
  const both = entry({
    status: { from: 'new', to: 'in_progress' },
    assignee: { fromId: null, fromName: null, toId: 'sam', toName: 'Sam' },
  });

  it('tells staff the status and the assignment', () => {
    expect(historyChanges(both, 'staff')).toEqual(['Status: New → In progress', 'Assigned to Sam']);
    expect(
      historyChanges(entry({ assignee: { fromId: 'sam', fromName: 'Sam', toId: null, toName: null } }), 'staff'),
    ).toEqual(['Unassigned']);
  });

  it('tells the requester the status only', () => {
    expect(historyChanges(both, 'requester')).toEqual(['Status: New → In progress']);
    expect(historyChanges(entry({ kind: 'created', status: { from: null, to: 'new' } }), 'requester')).toEqual([
      'Case created',
    ]);
  });
});

describe('shownToRequester', () => {
  it('shows creation, status changes and public comments; never internal entries or bare assignments', () => {
    expect(shownToRequester(entry({ kind: 'created' }))).toBe(true);
    expect(shownToRequester(entry({ status: { from: 'new', to: 'in_progress' } }))).toBe(true);
    expect(shownToRequester(entry({ comment: 'Part ordered.' }))).toBe(true);
    expect(shownToRequester(entry({ comment: 'VIP', visibility: 'staff' }))).toBe(false);
    expect(shownToRequester(entry({ assignee: { fromId: null, fromName: null, toId: 'sam', toName: 'Sam' } }))).toBe(
      false,
    );
  });
});
