import { describe, expect, it } from 'vitest';
import type { Engagement, Time } from '../shared/model';
import {
  activeEngagement,
  endEngagement,
  markConvertedToCase,
  recordFirstResponse,
  startEngagement,
} from './engagements';

const at = (ms: number): Time => ({ toMillis: () => ms });
const alice = { specialistId: 'alice', shownName: 'Alice', level: 1 as const };
const bob = { specialistId: 'bob', shownName: 'Bob', level: 2 as const };

describe('engagements', () => {
  it('starts a running engagement with nothing recorded yet', () => {
    const list = startEngagement([], alice, at(100));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      ...alice,
      endedAt: null,
      firstResponseAt: null,
      outcome: 'active',
      convertedToCase: false,
    });
    expect(list[0]!.startedAt.toMillis()).toBe(100);
    expect(activeEngagement(list)?.specialistId).toBe('alice');
  });

  it('refuses to start a second engagement while one runs', () => {
    expect(() => startEngagement(startEngagement([], alice, at(100)), bob, at(200))).toThrow(/active/);
  });

  it('ends the running engagement with its outcome, keeping the earlier ones', () => {
    const transferred = endEngagement(startEngagement([], alice, at(100)), 'transferred', at(200));
    const closed = endEngagement(startEngagement(transferred, bob, at(200)), 'closed', at(300));
    expect(closed.map((e) => [e.specialistId, e.outcome, e.endedAt?.toMillis()])).toEqual([
      ['alice', 'transferred', 200],
      ['bob', 'closed', 300],
    ]);
    expect(activeEngagement(closed)).toBeUndefined();
  });

  it('leaves the array untouched when nothing runs', () => {
    const ended: Engagement[] = endEngagement(startEngagement([], alice, at(100)), 'requeued', at(200));
    expect(endEngagement(ended, 'closed', at(300))).toBe(ended);
    expect(endEngagement([], 'closed', at(300))).toEqual([]);
  });

  it('records the first response of the running specialist once', () => {
    const running = startEngagement([], alice, at(100));
    const answered = recordFirstResponse(running, 'alice', at(150));
    expect(answered[0]!.firstResponseAt?.toMillis()).toBe(150);
    expect(recordFirstResponse(answered, 'alice', at(180))).toBe(answered);
  });

  it('ignores replies of another specialist and replies older than the engagement', () => {
    const running = startEngagement([], alice, at(100));
    expect(recordFirstResponse(running, 'bob', at(150))).toBe(running);
    expect(recordFirstResponse(running, 'alice', at(99))).toBe(running);
  });

  it('credits the latest engagement with a conversion, even if it just ended', () => {
    const closed = endEngagement(startEngagement([], alice, at(100)), 'closed', at(200));
    expect(markConvertedToCase(closed, 'alice')[0]!.convertedToCase).toBe(true);
    expect(markConvertedToCase(closed, 'bob')).toBe(closed);
  });
});
