import { describe, expect, it } from 'vitest';
import { caseIdFor } from '../../functions/src/shared/catalogue';
import type { Time } from '../../functions/src/shared/model';
import { generateHistory, HISTORY_DAYS, HISTORY_SIZE } from './history';
import { historyStatsDocuments } from './historyStats';
import { PROJECTS, SPECIALISTS, USERS } from './roster';

/** A class instance, so toEqual compares times by value rather than closures by identity. */
class At implements Time {
  constructor(readonly millis: number) {}
  toMillis() {
    return this.millis;
  }
}
const DAY = 86_400_000;
const reference = Date.UTC(2025, 2, 15);
const history = generateHistory({ reference, stamp: (ms) => new At(ms) });
const ms = (t: Time | null | undefined) => t?.toMillis() ?? Number.NaN;
const levelOf = (uid: string, projectId: string) =>
  SPECIALISTS.find((s) => s.uid === uid)?.projects.find((p) => p.projectId === projectId)?.level;

describe('demo history', () => {
  it('is deterministic: the same reference gives the same documents, another only shifts the clock', () => {
    expect(generateHistory({ reference, stamp: (t) => new At(t) })).toEqual(history);
    const later = generateHistory({ reference: reference + DAY, stamp: (t) => new At(t) });
    expect(later.conversations.map((c) => c.id)).toEqual(history.conversations.map((c) => c.id));
    expect(ms(later.conversations[0]?.data.createdAt) - ms(history.conversations[0]?.data.createdAt)).toBe(DAY);
  });

  it('holds about forty closed conversations of members, within the fourteen days before the reference', () => {
    expect(history.conversations).toHaveLength(HISTORY_SIZE);
    expect(new Set(history.conversations.map((c) => c.data.projectId))).toEqual(new Set(PROJECTS.map((p) => p.id)));
    for (const { id, data, messages } of history.conversations) {
      expect(data.status, id).toBe('closed');
      expect(USERS.find((u) => u.uid === data.userId)?.projectIds, id).toContain(data.projectId);
      expect(ms(data.createdAt), id).toBeGreaterThanOrEqual(reference - HISTORY_DAYS * DAY);
      expect(ms(data.closedAt), id).toBeLessThan(reference);
      expect(ms(data.closedAt), id).toBeGreaterThan(ms(data.createdAt));
      expect(
        messages.map((m) => m.id),
        id,
      ).toContain('system-closed');
      expect(
        messages.every((m) => m.data.text.length > 0 && m.data.text.length <= 4000),
        id,
      ).toBe(true);
    }
  });

  it('tells consistent engagements: ordered times, first responses inside, only the last one closed', () => {
    for (const { id, data } of history.conversations) {
      const engagements = data.engagements;
      engagements.forEach((e, i) => {
        expect(ms(e.endedAt), id).toBeGreaterThanOrEqual(ms(e.startedAt));
        if (e.firstResponseAt) {
          expect(ms(e.firstResponseAt), id).toBeGreaterThanOrEqual(ms(e.startedAt));
          expect(ms(e.firstResponseAt), id).toBeLessThanOrEqual(ms(e.endedAt));
        }
        expect(e.outcome, id).toBe(i === engagements.length - 1 ? 'closed' : 'transferred');
      });
      const last = engagements[engagements.length - 1];
      expect(data.specialistId, id).toBe(last?.specialistId ?? null);
      expect(data.level, id).toBe(last?.level ?? 1);
      if (last) expect(ms(last.endedAt), id).toBe(ms(data.closedAt));
      expect(data.participantIds, id).toEqual(
        engagements.length ? [...new Set(engagements.map((e) => e.specialistId))] : undefined,
      );
    }
  });

  it('serves each level with specialists of that level in the project, level 2 only after a transfer', () => {
    for (const { id, data } of history.conversations) {
      data.engagements.forEach((e, i) => {
        expect(e.level, id).toBe(i === 0 ? 1 : 2);
        expect(levelOf(e.specialistId, data.projectId), `${id} ${e.specialistId}`).toBe(e.level);
      });
    }
  });

  it('covers transfers with a staff note, conversions and conversations nobody answered', () => {
    const transferred = history.conversations.filter((c) => c.data.engagements.length === 2);
    expect(transferred.length).toBeGreaterThan(0);
    for (const c of transferred) {
      expect(c.messages.find((m) => m.id === 'note-transfer-2')?.data).toMatchObject({
        kind: 'note',
        visibility: 'staff',
      });
    }
    expect(history.cases.length).toBeGreaterThan(0);
    expect(
      history.conversations.filter((c) => c.data.engagements.some((e) => e.firstResponseAt === null)).length,
    ).toBeGreaterThan(0);
  });

  it('rates most conversations, always the last engagement specialist, mostly 3 to 5', () => {
    const byId = new Map(history.conversations.map((c) => [c.id, c.data]));
    expect(history.ratings.length).toBeGreaterThan(HISTORY_SIZE / 2);
    for (const { id, data } of history.ratings) {
      const conversation = byId.get(id);
      const last = conversation?.engagements[conversation.engagements.length - 1];
      expect(data).toMatchObject({
        conversationId: id,
        projectId: conversation?.projectId,
        userId: conversation?.userId,
      });
      expect(data.specialistId, id).toBe(last?.specialistId);
      expect(ms(data.createdAt), id).toBeGreaterThan(ms(conversation?.closedAt));
    }
    const high = history.ratings.filter((r) => r.data.score >= 3).length;
    expect(high / history.ratings.length).toBeGreaterThan(0.7);
  });

  it('numbers the cases 1..n per project in conversion order, linked to their conversations', () => {
    for (const project of PROJECTS) {
      const cases = history.cases.filter((c) => c.data.projectId === project.id);
      const byTime = [...cases].sort((a, b) => ms(a.data.createdAt) - ms(b.data.createdAt));
      expect(byTime.map((c) => c.data.number)).toEqual(cases.map((_, i) => i + 1));
      expect(history.lastCaseNumbers[project.id]).toBe(cases.length);
    }
    for (const { id, data } of history.cases) {
      const conversation = history.conversations.find((c) => c.id === data.sourceId);
      expect(id).toBe(caseIdFor('conversion', data.sourceId));
      expect(conversation?.data).toMatchObject({ caseId: id, caseNumber: data.number });
      expect(conversation?.data.engagements.at(-1)?.convertedToCase).toBe(true);
      expect(conversation?.messages.map((m) => m.id)).toContain(`system-case-${id}`);
      expect(data.subject.startsWith('Chat: ')).toBe(true);
    }
  });

  it('turns into statistics whose totals count every ended engagement and rating', () => {
    const docs = historyStatsDocuments(history, 60, new At(reference));
    const totals = docs
      .filter((d) => d.kind === 'statsTotals')
      .map((d) => d.data as { engagements: number; ratingCount: number });
    const engagements = history.conversations.reduce((n, c) => n + c.data.engagements.length, 0);
    expect(totals.reduce((n, t) => n + t.engagements, 0)).toBe(engagements);
    expect(totals.reduce((n, t) => n + t.ratingCount, 0)).toBe(history.ratings.length);
    const markers = docs.filter((d) => d.kind === 'statsMarker').map((d) => d.path);
    expect(markers).toContain(
      `specialistStats/${history.ratings[0]?.data.specialistId}/appliedEvents/rating-${history.ratings[0]?.id}`,
    );
    expect(new Set(docs.map((d) => d.path)).size).toBe(docs.length);
  });
});
