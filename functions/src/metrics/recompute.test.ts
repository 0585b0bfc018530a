import { describe, expect, it } from 'vitest';
import type { Engagement, RatingDoc, Time } from '../shared/model';
import { ratingDelta } from '../ratings/ratingBuckets';
import { conversationParts } from './conversationEvents';
import { emptyOutcome, type ConversationOutcomeView } from './engagementMetrics';
import { markerIdOf, type StatsMarker } from './events';
import { ratingParts } from './ratingEvents';
import {
  asStats,
  emptyStats,
  recomputeStats,
  statsArithmetic,
  statsDifferences,
  type StatsAggregate,
} from './recompute';
import { foldInto, type BucketMap, type BucketTarget } from './statsBuckets';

const at = (iso: string): Time => ({ toMillis: () => Date.parse(iso) });

function ended(
  specialistId: string,
  level: 1 | 2,
  start: string,
  end: string,
  extra: Partial<Engagement> = {},
): Engagement {
  return {
    specialistId,
    shownName: specialistId,
    level,
    startedAt: at(start),
    endedAt: at(end),
    firstResponseAt: null,
    outcome: 'closed',
    convertedToCase: false,
    ...extra,
  };
}

type Conversation = ConversationOutcomeView & { id: string };

const transferred: Conversation = {
  id: 'c1',
  projectId: 'alpha',
  status: 'closed',
  engagements: [
    ended('ann', 1, '2026-03-04T23:58:00Z', '2026-03-04T23:59:00Z', {
      outcome: 'transferred',
      firstResponseAt: at('2026-03-04T23:58:20Z'),
    }),
    ended('bob', 2, '2026-03-04T23:59:00Z', '2026-03-05T00:20:00Z', {
      firstResponseAt: at('2026-03-05T00:00:10Z'),
      convertedToCase: true,
    }),
  ],
};
const simple: Conversation = {
  id: 'c2',
  projectId: 'beta',
  status: 'closed',
  engagements: [
    ended('ann', 1, '2026-03-05T09:00:00Z', '2026-03-05T09:10:00Z', { firstResponseAt: at('2026-03-05T09:02:00Z') }),
  ],
};
const stillOpen: Conversation = {
  id: 'c3',
  projectId: 'alpha',
  status: 'assigned',
  engagements: [ended('ann', 1, '2026-03-05T09:00:00Z', '2026-03-05T09:10:00Z')],
};
const ratings: Array<{ id: string; data: Partial<RatingDoc> }> = [
  { id: 'c1', data: { projectId: 'alpha', specialistId: 'bob', score: 5, createdAt: at('2026-03-05T00:21:00Z') } },
  { id: 'c2', data: { projectId: 'beta', specialistId: 'ann', score: 2, createdAt: at('2026-03-05T09:11:00Z') } },
  { id: 'bad', data: { projectId: 'beta', specialistId: 'ann', score: 7 as 5, createdAt: at('2026-03-05T09:11:00Z') } },
  { id: 'no-project', data: { specialistId: 'ann', score: 4, createdAt: at('2026-03-06T09:11:00Z') } },
];

type LivePart = { marker: StatsMarker; targets: BucketTarget[]; delta: StatsAggregate };

/** What the triggers do, in memory: apply each event's parts whose markers are not there yet. */
function liveApply(events: LivePart[][]) {
  const buckets: BucketMap<StatsAggregate> = new Map();
  const markers = new Set<string>();
  for (const parts of events) {
    const key = (p: LivePart) => `${p.marker.specialistId}/${markerIdOf(p.marker)}`;
    const pending = new Set(parts.map(key).filter((k) => !markers.has(k)));
    for (const part of parts)
      if (pending.has(key(part)))
        foldInto(buckets, part.marker.specialistId, part.targets, part.delta, statsArithmetic);
    pending.forEach((k) => markers.add(k));
  }
  return buckets;
}

describe('recomputeStats', () => {
  const { buckets, markers } = recomputeStats({
    conversations: [transferred, simple, stillOpen],
    ratings,
    firstResponseTargetSeconds: 60,
  });

  it('credits each settled engagement to totals, its start day and its project day; ignores open conversations', () => {
    const ann = buckets.get('ann');
    expect(ann?.totals).toMatchObject({
      engagements: 2,
      attendedL1: 2,
      transferredOut: 1,
      firstResponseCount: 2,
      firstResponseSumSeconds: 140,
      withinTargetCount: 1,
    });
    expect(Object.keys(ann?.days ?? {}).sort()).toEqual(['2026-03-04', '2026-03-05', '2026-03-06']);
    expect(ann?.projects.alpha?.['2026-03-04']).toMatchObject({ engagements: 1, transferredOut: 1 });
    expect(ann?.projects.beta?.['2026-03-05']).toMatchObject({ engagements: 1, ratingCount: 1, ratingSum: 2 });
    const bob = buckets.get('bob');
    // Bob's engagement started on the 4th; his rating was given on the 5th.
    expect(bob?.days['2026-03-04']).toMatchObject({
      engagements: 1,
      attendedL2: 1,
      transferredIn: 1,
      convertedToCase: 1,
      pickupCount: 1,
      pickupSumSeconds: 70,
      ratingCount: 0,
    });
    expect(bob?.days['2026-03-05']).toMatchObject({ engagements: 0, ratingCount: 1, ratingSum: 5 });
  });

  it('counts a rating without a project in totals and days only, and ignores a malformed one', () => {
    const ann = buckets.get('ann');
    expect(ann?.totals).toMatchObject({ ratingCount: 2, ratingSum: 6 });
    expect(ann?.days['2026-03-06']).toMatchObject({ ratingCount: 1, ratingSum: 4, engagements: 0 });
    expect(Object.values(ann?.projects ?? {}).some((days) => '2026-03-06' in days)).toBe(false);
  });

  it('lists the markers the triggers write, one per specialist and event', () => {
    const ids = (uid: string) => (markers.get(uid) ?? []).map(markerIdOf).sort();
    expect(ids('ann')).toEqual(['conversation-c1', 'conversation-c2', 'rating-c2', 'rating-no-project']);
    expect(ids('bob')).toEqual(['conversation-c1', 'conversion-c1', 'rating-c1']);
  });

  it('makes the days and the project days each add up to the totals', () => {
    for (const [, mine] of buckets) {
      const days = Object.values(mine.days).reduce((sum, d) => statsArithmetic.add(sum, d), emptyStats());
      expect(days).toEqual(mine.totals);
      const projectDays = Object.values(mine.projects).flatMap((byDay) => Object.values(byDay));
      const outcomes = projectDays.reduce((sum, d) => statsArithmetic.add(sum, d), emptyStats());
      expect({
        ...outcomes,
        ratingCount: 0,
        ratingSum: 0,
        ratingDistribution: emptyStats().ratingDistribution,
      }).toEqual({
        ...mine.totals,
        ratingCount: 0,
        ratingSum: 0,
        ratingDistribution: emptyStats().ratingDistribution,
      });
    }
  });

  it('agrees with the triggers applying events in any order, replayed, with the conversion counted late', () => {
    const outcomeEvent = (c: Conversation): LivePart[] =>
      conversationParts(c.id, c, 60).map((p) => ({ ...p, delta: { ...emptyStats(), ...p.delta } }));
    const ratingEvent = (r: (typeof ratings)[number]): LivePart[] =>
      ratingParts(r.id, r.data).map((p) => ({ ...p, delta: { ...emptyStats(), ...p.delta } }));
    // Settled before the case was linked: the first count lacks the conversion.
    const beforeConversion: Conversation = {
      ...transferred,
      engagements: transferred.engagements?.map((e) => ({ ...e, convertedToCase: false })) ?? [],
    };
    const events = [
      ratingEvent(ratings[0]!),
      outcomeEvent(beforeConversion),
      outcomeEvent(simple),
      ratingEvent(ratings[1]!),
      outcomeEvent(transferred),
      outcomeEvent(simple),
      ratingEvent(ratings[0]!),
      ratingEvent(ratings[1]!),
      ratingEvent(ratings[0]!),
      ratingEvent(ratings[3]!),
      ratingEvent(ratings[3]!),
      outcomeEvent(beforeConversion),
    ];
    const live = liveApply(events);
    for (const [uid, mine] of buckets) {
      const theirs = live.get(uid);
      expect(theirs?.totals).toEqual(mine.totals);
      expect(theirs?.days).toEqual(mine.days);
      expect(theirs?.projects).toEqual(mine.projects);
    }
    expect([...live.keys()].sort()).toEqual([...buckets.keys()].sort());
  });
});

describe('statsDifferences', () => {
  it('reads missing fields as zero and names each differing field', () => {
    const expected = { ...emptyStats(), ...ratingDelta(4), ...emptyOutcome(), engagements: 2 };
    expect(
      statsDifferences(
        {
          engagements: 2,
          ratingCount: 1,
          ratingSum: 4,
          ratingDistribution: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 0 },
        },
        expected,
      ),
    ).toEqual([]);
    expect(statsDifferences({ engagements: 3, ratingCount: 1, ratingSum: 4 }, expected)).toEqual([
      'ratingDistribution.4: 0 -> 1',
      'engagements: 3 -> 2',
    ]);
    expect(statsDifferences(undefined, undefined)).toEqual([]);
    expect(asStats({ pickupCount: 2 })).toEqual({ ...emptyStats(), pickupCount: 2 });
  });
});
