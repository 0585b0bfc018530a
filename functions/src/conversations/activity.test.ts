import { describe, expect, it } from 'vitest';
import type { Time } from '../shared/model';
import { activityChange, type ActivityView } from './activity';
import { startEngagement } from './engagements';

const at = (ms: number): Time => ({ toMillis: () => ms });
const conversation = (patch: Partial<ActivityView> = {}): ActivityView => ({
  userId: 'user-1',
  engagements: startEngagement([], { specialistId: 'spec-1', specialistName: 'Spec', level: 1 }, at(100)),
  lastMessageAt: null,
  lastUserMessageAt: null,
  inactivityWarnedAt: null,
  ...patch,
});
const text = (authorRole: 'user' | 'specialist', authorId: string, ms: number) => ({
  authorRole,
  authorId,
  kind: 'text' as const,
  createdAt: at(ms),
});

describe('activityChange', () => {
  it('records a user message and clears the inactivity warning', () => {
    const change = activityChange(conversation({ inactivityWarnedAt: at(150) }), text('user', 'user-1', 200));
    expect(change?.lastMessageAt?.toMillis()).toBe(200);
    expect(change?.lastUserMessageAt?.toMillis()).toBe(200);
    expect(change?.inactivityWarnedAt).toBeNull();
    expect(change?.engagements).toBeUndefined();
  });

  it("records the serving specialist's first response once", () => {
    const first = activityChange(conversation(), text('specialist', 'spec-1', 200));
    expect(first?.engagements?.[0]?.firstResponseAt?.toMillis()).toBe(200);
    expect(first?.lastUserMessageAt).toBeUndefined();
    const second = activityChange(
      conversation({ engagements: first!.engagements!, lastMessageAt: at(200) }),
      text('specialist', 'spec-1', 300),
    );
    expect(Object.keys(second ?? {})).toEqual(['lastMessageAt']);
    expect(second?.lastMessageAt?.toMillis()).toBe(300);
  });

  it('changes nothing for system messages, notes, or a replayed event', () => {
    expect(activityChange(conversation(), { authorRole: 'system', authorId: 'system', kind: 'system', createdAt: at(200) })).toBeNull();
    expect(activityChange(conversation(), { authorRole: 'specialist', authorId: 'spec-1', kind: 'note', createdAt: at(200) })).toBeNull();
    const seen = conversation({ lastMessageAt: at(200), lastUserMessageAt: at(200) });
    expect(activityChange(seen, text('user', 'user-1', 200))).toBeNull();
  });

  it('never moves activity times backwards', () => {
    const change = activityChange(conversation({ lastMessageAt: at(500) }), text('user', 'user-1', 200));
    expect(Object.keys(change ?? {})).toEqual(['lastUserMessageAt']);
    expect(change?.lastUserMessageAt?.toMillis()).toBe(200);
  });
});
