// Where a delta lands among one specialist's statistics: totals, the bucket of
// a UTC day, and a project's bucket of that day. Pure and generic over the
// aggregate, so the close trigger folds outcome deltas and the recompute folds
// outcomes and ratings with the same code.

export type BucketTarget =
  { kind: 'totals' } | { kind: 'day'; day: string } | { kind: 'projectDay'; projectId: string; day: string };

export interface SpecialistBuckets<T> {
  totals: T | null;
  days: Record<string, T>;
  /** projectId -> day -> aggregate */
  projects: Record<string, Record<string, T>>;
}

export interface Arithmetic<T> {
  empty(): T;
  add(stored: T | undefined, delta: T): T;
}

export type BucketMap<T> = Map<string, SpecialistBuckets<T>>;

/** The three buckets a conversation outcome adds to. */
export const everyBucket = (projectId: string, day: string): BucketTarget[] => [
  { kind: 'totals' },
  { kind: 'day', day },
  { kind: 'projectDay', projectId, day },
];

export function foldInto<T>(
  buckets: BucketMap<T>,
  specialistId: string,
  targets: readonly BucketTarget[],
  delta: T,
  arithmetic: Arithmetic<T>,
): void {
  let mine = buckets.get(specialistId);
  if (!mine) {
    mine = { totals: null, days: {}, projects: {} };
    buckets.set(specialistId, mine);
  }
  for (const target of targets) {
    if (target.kind === 'totals') mine.totals = arithmetic.add(mine.totals ?? undefined, delta);
    if (target.kind === 'day') mine.days[target.day] = arithmetic.add(mine.days[target.day], delta);
    if (target.kind === 'projectDay') {
      const project = (mine.projects[target.projectId] ??= {});
      project[target.day] = arithmetic.add(project[target.day], delta);
    }
  }
}
