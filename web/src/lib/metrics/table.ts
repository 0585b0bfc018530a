// The specialists table: one row per specialist, its columns (shared by the
// screen and the CSV export) and sorting. Pure.
import type { Level } from '$shared/catalogue';
import type { Availability } from '$shared/availability';
import { toCsv, type Cell } from './csv';
import { formatRating, formatSeconds, formatShare, NONE } from './format';
import { derive, SCORE_KEYS, type DerivedMetrics, type StatsCounts } from './summary';

export interface SpecialistRow {
  uid: string;
  name: string;
  /** Their level in the filtered project; null over all projects. */
  level: Level | null;
  counts: StatsCounts;
  derived: DerivedMetrics;
  availability: Availability;
  /** Null when the rules keep specialistLoad from this reader (docs/metrics.md, "Needed outside these folders"). */
  activeConversations: number | null;
}

export function specialistRow(fields: Omit<SpecialistRow, 'derived'>): SpecialistRow {
  return { ...fields, derived: derive(fields.counts) };
}

export interface Column {
  key: string;
  label: string;
  numeric: boolean;
  /** What sorting compares; null sorts last. */
  value(row: SpecialistRow): number | string | null;
  text(row: SpecialistRow): string;
}

const count = (key: string, label: string, pick: (c: StatsCounts) => number): Column => ({
  key,
  label,
  numeric: true,
  value: (row) => pick(row.counts),
  text: (row) => String(pick(row.counts)),
});

const derived = (key: keyof DerivedMetrics, label: string, show: (value: number | null) => string): Column => ({
  key,
  label,
  numeric: true,
  value: (row) => row.derived[key],
  text: (row) => show(row.derived[key]),
});

export const COLUMNS: readonly Column[] = [
  {
    key: 'name',
    label: 'Specialist',
    numeric: false,
    value: (row) => row.name.toLocaleLowerCase(),
    text: (row) => row.name,
  },
  count('attendedL1', 'Attended L1', (c) => c.attendedL1),
  count('attendedL2', 'Attended L2', (c) => c.attendedL2),
  count('transferredOut', 'Transferred out', (c) => c.transferredOut),
  count('transferredIn', 'Transferred in', (c) => c.transferredIn),
  count('convertedToCase', 'Converted to cases', (c) => c.convertedToCase),
  derived('escalationRate', 'Escalation rate (L1)', formatShare),
  derived('averageRating', 'Average rating', formatRating),
  count('ratingCount', 'Ratings', (c) => c.ratingCount),
  {
    key: 'distribution',
    label: 'Ratings 1-5',
    numeric: false,
    value: (row) => row.derived.satisfactionShare,
    text: (row) => SCORE_KEYS.map((k) => `${k}★ ${row.counts.ratingDistribution[k]}`).join(' · '),
  },
  derived('satisfactionShare', 'Satisfaction (4-5)', formatShare),
  derived('averageFirstResponseSeconds', 'Avg first response', formatSeconds),
  derived('averageDurationSeconds', 'Avg duration', formatSeconds),
  derived('withinTargetShare', 'Within target', formatShare),
  derived('averagePickupSeconds', 'L2 pickup time', formatSeconds),
  {
    key: 'availability',
    label: 'Availability',
    numeric: false,
    value: (row) => row.availability,
    text: (row) => row.availability[0]!.toUpperCase() + row.availability.slice(1),
  },
  {
    key: 'activeConversations',
    label: 'Active now',
    numeric: true,
    value: (row) => row.activeConversations,
    text: (row) => (row.activeConversations === null ? NONE : String(row.activeConversations)),
  },
];

export type SortDirection = 'ascending' | 'descending';

/** A stable sort by one column; rows without a value go last in both directions. */
export function sortRows(rows: readonly SpecialistRow[], key: string, direction: SortDirection): SpecialistRow[] {
  const column = COLUMNS.find((c) => c.key === key) ?? COLUMNS[0]!;
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const [x, y] = [column.value(a), column.value(b)];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return sign * order || a.name.localeCompare(b.name);
  });
}

type CsvColumn = readonly [header: string, value: (row: SpecialistRow) => Cell];

/** Raw numbers for spreadsheets: seconds, shares as fractions, one column per rating score. */
const CSV_COLUMNS: readonly CsvColumn[] = [
  ['Specialist', (r) => r.name],
  ['Specialist id', (r) => r.uid],
  ['Engagements', (r) => r.counts.engagements],
  ['Attended L1', (r) => r.counts.attendedL1],
  ['Attended L2', (r) => r.counts.attendedL2],
  ['Transferred out', (r) => r.counts.transferredOut],
  ['Transferred in', (r) => r.counts.transferredIn],
  ['Converted to cases', (r) => r.counts.convertedToCase],
  ['Escalation rate L1', (r) => r.derived.escalationRate],
  ['Average rating', (r) => r.derived.averageRating],
  ['Ratings', (r) => r.counts.ratingCount],
  ...SCORE_KEYS.map((k): CsvColumn => [`Ratings ${k}`, (r) => r.counts.ratingDistribution[k]]),
  ['Satisfaction share', (r) => r.derived.satisfactionShare],
  ['Avg first response (s)', (r) => r.derived.averageFirstResponseSeconds],
  ['Answered', (r) => r.counts.firstResponseCount],
  ['Avg duration (s)', (r) => r.derived.averageDurationSeconds],
  ['Within target share', (r) => r.derived.withinTargetShare],
  ['Avg L2 pickup (s)', (r) => r.derived.averagePickupSeconds],
  ['Availability', (r) => r.availability],
  ['Active conversations', (r) => r.activeConversations],
];

/** The table as CSV; every line also names the project and days it covers. */
export function tableCsv(
  rows: readonly SpecialistRow[],
  range: { from: string; to: string },
  projectName: string,
): string {
  const header = ['Project', 'From (UTC)', 'To (UTC)', ...CSV_COLUMNS.map(([name]) => name)];
  return toCsv(
    header,
    rows.map((row) => [projectName, range.from, range.to, ...CSV_COLUMNS.map(([, value]) => value(row))]),
  );
}
