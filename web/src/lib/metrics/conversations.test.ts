import { describe, expect, it } from 'vitest';
import type { ConversationDoc, Engagement } from '$shared/model';
import { conversationLine, conversationsCsv, groupByUser } from './conversations';

const at = (iso: string) => ({ toMillis: () => Date.parse(iso) });

const engagement = (
  specialistId: string,
  level: 1 | 2,
  start: string,
  end: string | null,
  extra: Partial<Engagement> = {},
): Engagement => ({
  specialistId,
  shownName: specialistId,
  level,
  startedAt: at(start),
  endedAt: end ? at(end) : null,
  firstResponseAt: null,
  outcome: end ? 'closed' : 'active',
  convertedToCase: false,
  ...extra,
});

function conversation(
  userId: string,
  engagements: Engagement[],
  extra: Partial<ConversationDoc> = {},
): ConversationDoc {
  return {
    projectId: 'p1',
    userId,
    userName: `User ${userId}`,
    status: 'closed',
    level: 1,
    specialistId: engagements[engagements.length - 1]?.specialistId ?? null,
    specialistName: null,
    createdAt: at('2026-03-04T09:59:00Z'),
    queuedAt: at('2026-03-04T09:59:00Z'),
    assignedAt: null,
    closedAt: null,
    closedBy: 'user',
    caseId: null,
    caseNumber: null,
    ticket: null,
    engagements,
    inactivityWarnedAt: null,
    ...extra,
  };
}

describe('conversation lines', () => {
  const transferred = conversation(
    'u1',
    [
      engagement('ann', 1, '2026-03-04T10:00:00Z', '2026-03-04T10:02:00Z', {
        outcome: 'transferred',
        firstResponseAt: at('2026-03-04T10:00:30Z'),
      }),
      engagement('bob', 2, '2026-03-04T10:02:00Z', '2026-03-04T10:12:00Z', { convertedToCase: true }),
    ],
    { caseId: 'conversion_c1', caseNumber: 7 },
  );

  it("shows the specialist's own part: level, outcome, duration, first response, and only their rating", () => {
    const rating = { specialistId: 'bob', score: 5 as const, comment: 'Great' };
    expect(conversationLine('c1', transferred, 'ann', rating)).toMatchObject({
      levels: [1],
      outcome: 'transferred',
      durationSeconds: 120,
      firstResponseSeconds: 30,
      caseNumber: 7,
      score: null,
    });
    expect(conversationLine('c1', transferred, 'bob', rating)).toMatchObject({
      levels: [2],
      outcome: 'closed',
      durationSeconds: 600,
      firstResponseSeconds: null,
      score: 5,
      comment: 'Great',
    });
  });

  it('groups by user, newest first', () => {
    const later = conversation('u2', [engagement('ann', 1, '2026-03-05T10:00:00Z', '2026-03-05T10:01:00Z')]);
    const again = conversation('u1', [engagement('ann', 1, '2026-03-06T10:00:00Z', null)]);
    const groups = groupByUser([
      conversationLine('c1', transferred, 'ann', null),
      conversationLine('c2', later, 'ann', null),
      conversationLine('c3', again, 'ann', null),
    ]);
    expect(groups.map((g) => [g.userId, g.lines.map((l) => l.conversationId)])).toEqual([
      ['u1', ['c3', 'c1']],
      ['u2', ['c2']],
    ]);
    expect(groups[0]?.lines[0]).toMatchObject({ outcome: 'active', durationSeconds: null });
  });

  it('exports one CSV line per conversation', () => {
    const csv = conversationsCsv('Ann', [conversationLine('c1', transferred, 'ann', null)]);
    expect(csv.split('\r\n')[1]).toBe(
      'Ann,User u1,u1,c1,p1,2026-03-04T10:00:00.000Z,L1,Transferred to level 2,7,120,30,,',
    );
  });
});
