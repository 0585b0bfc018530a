import { describe, expect, it } from 'vitest';
import type { Engagement, Time } from '../shared/model';
import {
  addOutcomes,
  conversationContributions,
  emptyOutcome,
  isSettled,
  outcomeChanged,
  participantIdsOf,
  splitConversion,
} from './engagementMetrics';

const at = (iso: string): Time => ({ toMillis: () => Date.parse(iso) });

function engagement(partial: Partial<Engagement> & Pick<Engagement, 'specialistId' | 'startedAt'>): Engagement {
  return {
    shownName: partial.specialistId,
    level: 1,
    endedAt: null,
    firstResponseAt: null,
    outcome: 'closed',
    convertedToCase: false,
    ...partial,
  };
}

const closed = (engagements: Engagement[]) => ({ projectId: 'p1', status: 'closed' as const, engagements });

describe('conversationContributions', () => {
  it('credits a level 1 engagement: attended, first response, within target, duration, start day', () => {
    const [only, ...rest] = conversationContributions(
      closed([
        engagement({
          specialistId: 'ann',
          startedAt: at('2026-03-04T10:00:00Z'),
          firstResponseAt: at('2026-03-04T10:00:45Z'),
          endedAt: at('2026-03-04T10:05:00Z'),
        }),
      ]),
      60,
    );
    expect(rest).toEqual([]);
    expect(only).toEqual({
      specialistId: 'ann',
      projectId: 'p1',
      day: '2026-03-04',
      delta: {
        ...emptyOutcome(),
        engagements: 1,
        attendedL1: 1,
        firstResponseCount: 1,
        firstResponseSumSeconds: 45,
        withinTargetCount: 1,
        durationSumSeconds: 300,
      },
    });
  });

  it('counts a transfer out for level 1 and a transfer in with pickup time for level 2', () => {
    const [l1, l2] = conversationContributions(
      closed([
        engagement({
          specialistId: 'ann',
          startedAt: at('2026-03-04T10:00:00Z'),
          firstResponseAt: at('2026-03-04T10:00:30Z'),
          endedAt: at('2026-03-04T10:02:00Z'),
          outcome: 'transferred',
        }),
        engagement({
          specialistId: 'bob',
          level: 2,
          startedAt: at('2026-03-04T10:02:00Z'),
          firstResponseAt: at('2026-03-04T10:03:30Z'),
          endedAt: at('2026-03-04T10:10:00Z'),
          convertedToCase: true,
        }),
      ]),
      60,
    );
    expect(l1?.delta).toMatchObject({
      attendedL1: 1,
      transferredOut: 1,
      transferredIn: 0,
      pickupCount: 0,
      withinTargetCount: 1,
    });
    expect(l2?.delta).toMatchObject({
      engagements: 1,
      attendedL1: 0,
      attendedL2: 1,
      transferredIn: 1,
      transferredOut: 0,
      convertedToCase: 1,
      firstResponseSumSeconds: 90,
      withinTargetCount: 0,
      pickupCount: 1,
      pickupSumSeconds: 90,
      durationSumSeconds: 480,
    });
  });

  it('credits the pickup once, to the level 2 engagement that answered after a requeue', () => {
    const contributions = conversationContributions(
      closed([
        engagement({
          specialistId: 'ann',
          startedAt: at('2026-03-04T10:00:00Z'),
          endedAt: at('2026-03-04T10:01:00Z'),
          outcome: 'transferred',
        }),
        engagement({
          specialistId: 'bob',
          level: 2,
          startedAt: at('2026-03-04T10:01:00Z'),
          endedAt: at('2026-03-04T10:03:00Z'),
          outcome: 'requeued',
        }),
        engagement({
          specialistId: 'cy',
          level: 2,
          startedAt: at('2026-03-04T10:04:00Z'),
          firstResponseAt: at('2026-03-04T10:04:20Z'),
          endedAt: at('2026-03-04T10:09:00Z'),
        }),
        // A later level 2 engagement without a new transfer has no pickup.
        engagement({
          specialistId: 'dee',
          level: 2,
          startedAt: at('2026-03-04T10:09:00Z'),
          firstResponseAt: at('2026-03-04T10:09:05Z'),
          endedAt: at('2026-03-04T10:10:00Z'),
        }),
      ]),
      60,
    );
    expect(contributions.map((c) => [c.specialistId, c.delta.pickupCount, c.delta.pickupSumSeconds])).toEqual([
      ['ann', 0, 0],
      ['bob', 0, 0],
      ['cy', 1, 200],
      ['dee', 0, 0],
    ]);
  });

  it('counts an unanswered engagement as attended but not answered, and not within target', () => {
    const [c] = conversationContributions(
      closed([
        engagement({
          specialistId: 'ann',
          startedAt: at('2026-03-04T10:00:00Z'),
          endedAt: at('2026-03-04T10:00:10Z'),
          outcome: 'requeued',
        }),
      ]),
      60,
    );
    expect(c?.delta).toMatchObject({
      engagements: 1,
      attendedL1: 1,
      firstResponseCount: 0,
      withinTargetCount: 0,
      durationSumSeconds: 10,
    });
  });

  it('judges the target on the exact interval and sums whole seconds', () => {
    const response = (iso: string) =>
      conversationContributions(
        closed([
          engagement({
            specialistId: 'ann',
            startedAt: at('2026-03-04T10:00:00Z'),
            firstResponseAt: at(iso),
            endedAt: at('2026-03-04T10:05:00Z'),
          }),
        ]),
        60,
      )[0]?.delta;
    expect(response('2026-03-04T10:01:00.000Z')).toMatchObject({ withinTargetCount: 1, firstResponseSumSeconds: 60 });
    expect(response('2026-03-04T10:01:00.400Z')).toMatchObject({ withinTargetCount: 0, firstResponseSumSeconds: 60 });
    expect(response('2026-03-04T10:01:00.600Z')).toMatchObject({ withinTargetCount: 0, firstResponseSumSeconds: 61 });
  });

  it('buckets by the UTC day the engagement started, even when it ends after midnight', () => {
    const days = conversationContributions(
      closed([
        engagement({
          specialistId: 'ann',
          startedAt: at('2026-03-04T23:59:59.999Z'),
          endedAt: at('2026-03-05T00:10:00Z'),
        }),
        engagement({ specialistId: 'bob', startedAt: at('2026-03-05T00:00:00Z'), endedAt: at('2026-03-05T00:10:00Z') }),
        engagement({
          specialistId: 'cy',
          startedAt: at('2026-03-05T01:30:00+02:00'),
          endedAt: at('2026-03-05T00:10:00Z'),
        }),
      ]),
      60,
    ).map((c) => c.day);
    expect(days).toEqual(['2026-03-04', '2026-03-05', '2026-03-04']);
  });

  it('credits nothing for an engagement that is still running or never got an end', () => {
    expect(
      conversationContributions(
        closed([
          engagement({ specialistId: 'ann', startedAt: at('2026-03-04T10:00:00Z'), endedAt: null, outcome: 'closed' }),
          engagement({ specialistId: 'bob', startedAt: at('2026-03-04T10:00:00Z'), outcome: 'active' }),
        ]),
        60,
      ),
    ).toEqual([]);
  });
});

describe('when a conversation counts', () => {
  const running = engagement({ specialistId: 'ann', startedAt: at('2026-03-04T10:00:00Z'), outcome: 'active' });
  const ended = { ...running, outcome: 'closed' as const, endedAt: at('2026-03-04T10:05:00Z') };

  it('is settled only once closed with no engagement running', () => {
    expect(isSettled({ projectId: 'p', status: 'assigned', engagements: [ended] })).toBe(false);
    expect(isSettled({ projectId: 'p', status: 'closed', engagements: [running] })).toBe(false);
    expect(isSettled({ projectId: 'p', status: 'closed', engagements: [ended] })).toBe(true);
    expect(isSettled({ projectId: 'p', status: 'closed', engagements: [] })).toBe(true);
    expect(isSettled(undefined)).toBe(false);
  });

  it('counts on settling and on a later conversion, never on other updates', () => {
    const closing = { projectId: 'p', status: 'closed' as const, engagements: [running] };
    const settled = { ...closing, engagements: [ended] };
    const converted = { ...closing, engagements: [{ ...ended, convertedToCase: true }] };
    expect(outcomeChanged({ ...closing, status: 'assigned' }, closing)).toBe(false);
    expect(outcomeChanged(closing, settled)).toBe(true);
    expect(outcomeChanged(settled, settled)).toBe(false);
    expect(outcomeChanged(settled, converted)).toBe(true);
    expect(outcomeChanged(converted, converted)).toBe(false);
    expect(outcomeChanged(undefined, settled)).toBe(true);
  });
});

describe('outcome arithmetic', () => {
  it('adds, reading missing fields as zero, and splits the conversion off', () => {
    const delta = { ...emptyOutcome(), engagements: 1, attendedL1: 1, convertedToCase: 1 };
    expect(addOutcomes({ engagements: 4 }, delta)).toEqual({
      ...emptyOutcome(),
      engagements: 5,
      attendedL1: 1,
      convertedToCase: 1,
    });
    const { outcome, conversion } = splitConversion(delta);
    expect(outcome).toEqual({ ...emptyOutcome(), engagements: 1, attendedL1: 1 });
    expect(conversion).toEqual({ ...emptyOutcome(), convertedToCase: 1 });
    expect(addOutcomes(outcome, conversion)).toEqual(delta);
  });

  it('lists each engaged specialist once, in order of first appearance', () => {
    const e = (specialistId: string) => engagement({ specialistId, startedAt: at('2026-03-04T10:00:00Z') });
    expect(participantIdsOf([e('ann'), e('bob'), e('ann'), e('cy')])).toEqual(['ann', 'bob', 'cy']);
    expect(participantIdsOf(undefined)).toEqual([]);
  });
});
