import { describe, expect, it } from 'vitest';
import { caseEventBody, caseEventFor, type StoredCase } from './caseEvents';

const at = (ms: number) => ({ toMillis: () => ms });
const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);

// A case as createCase wrote it before the inbox added status, assignee and revision.
const legacy: StoredCase = {
  projectId: 'p1',
  number: 7,
  subject: 'Chat: printer jams',
  circumstance: 'offline',
  requesterId: 'u1',
  requesterName: 'Ada',
  createdAt: at(T0),
};

describe('caseEventFor', () => {
  it('announces a new case as case.created at revision 0, status fields absent or present', () => {
    expect(caseEventFor('offline_c1', undefined, legacy)).toEqual({
      eventId: 'offline_c1~0',
      type: 'case.created',
      revision: 0,
    });
    expect(caseEventFor('offline_c1', undefined, { ...legacy, status: 'new', revision: 0 })?.eventId).toBe(
      'offline_c1~0',
    );
  });

  it('announces a status, assignee or revision change as case.updated named by the new revision', () => {
    const v0 = { ...legacy, status: 'new', assigneeId: null, revision: 0 };
    expect(caseEventFor('c', v0, { ...v0, status: 'in_progress', revision: 1 })).toEqual({
      eventId: 'c~1',
      type: 'case.updated',
      revision: 1,
    });
    expect(caseEventFor('c', v0, { ...v0, assigneeId: 's1', assigneeName: 'Sam', revision: 1 })?.type).toBe(
      'case.updated',
    );
    expect(caseEventFor('c', v0, { ...v0, revision: 1 })?.eventId).toBe('c~1');
    // A legacy case gaining the fields with their starting values changes nothing the desk follows.
    expect(caseEventFor('c', legacy, v0)).toBeNull();
  });

  it('announces nothing for a deletion or a change the desk does not follow', () => {
    expect(caseEventFor('c', legacy, undefined)).toBeNull();
    expect(caseEventFor('c', legacy, { ...legacy, subject: 'edited' })).toBeNull();
  });
});

describe('caseEventBody', () => {
  it('carries the public face of the case, and defaults for a case without the inbox fields', () => {
    const event = caseEventFor('offline_c1', undefined, legacy)!;
    expect(caseEventBody('offline_c1', legacy, 'Printers', event, T0 + 5)).toEqual({
      type: 'case.created',
      timestamp: '2026-12-01T09:00:00.000Z',
      data: {
        id: 'offline_c1',
        project: { id: 'p1', name: 'Printers' },
        number: 7,
        subject: 'Chat: printer jams',
        origin: 'offline',
        requester: { id: 'u1', name: 'Ada' },
        status: 'new',
        assignee: null,
        revision: 0,
        createdAt: '2026-12-01T09:00:00.000Z',
        updatedAt: '2026-12-01T09:00:00.000Z',
        link: '/admin/cases/offline_c1',
      },
    });
  });

  it('leaves out the transcript and the internal configuration', () => {
    const stored = { ...legacy, description: 'secret transcript', templateId: 't', createdBy: 'system', sourceId: 's' };
    const body = JSON.stringify(caseEventBody('c', stored, 'P', caseEventFor('c', undefined, stored)!, T0));
    for (const hidden of ['secret transcript', 'templateId', 'createdBy', 'sourceId', 'description']) {
      expect(body).not.toContain(hidden);
    }
  });

  it('stamps an update with the case updatedAt and names the assignee', () => {
    const before = { ...legacy, status: 'new', revision: 0 };
    const after = {
      ...before,
      status: 'in_progress',
      assigneeId: 's1',
      assigneeName: 'Sam',
      revision: 1,
      updatedAt: at(T0 + 60_000),
    };
    const body = caseEventBody('c', after, 'P', caseEventFor('c', before, after)!, T0);
    expect(body.timestamp).toBe('2026-12-01T09:01:00.000Z');
    expect(body.data).toMatchObject({ status: 'in_progress', assignee: { id: 's1', name: 'Sam' }, revision: 1 });
  });
});
