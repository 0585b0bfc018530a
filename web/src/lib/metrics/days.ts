// Date ranges of the metrics screen, in UTC days (yyyy-mm-dd), the unit the
// statistics buckets are kept in: every admin sees the same numbers for the
// same range, whatever their own time zone. Pure.

export interface DayRange {
  /** First day, inclusive. */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

/** Each day costs one bucket read per specialist; a year bounds one table's reads. */
export const MAX_RANGE_DAYS = 366;
export const DEFAULT_RANGE_DAYS = 30;

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

export const utcDayOf = (millis: number): string => new Date(millis).toISOString().slice(0, 10);

export function isDay(value: string): boolean {
  return DAY_PATTERN.test(value) && utcDayOf(Date.parse(`${value}T00:00:00Z`)) === value;
}

/** Start of a UTC day in milliseconds. */
export const dayStartMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);

export const shiftDay = (day: string, days: number): string => utcDayOf(dayStartMs(day) + days * DAY_MS);

/** The last `days` UTC days up to and including today. */
export function defaultRange(nowMs: number, days = DEFAULT_RANGE_DAYS): DayRange {
  const to = utcDayOf(nowMs);
  return { from: shiftDay(to, -(days - 1)), to };
}

/** What is wrong with a range, in words for the filter form; null when it can be used. */
export function rangeProblem(range: DayRange): string | null {
  if (!isDay(range.from) || !isDay(range.to)) return 'Enter both days as dates (yyyy-mm-dd).';
  if (range.from > range.to) return 'The first day must not come after the last day.';
  if (daysIn(range).length > MAX_RANGE_DAYS) return `Choose at most ${MAX_RANGE_DAYS} days.`;
  return null;
}

/** Every day of the range, oldest first. */
export function daysIn(range: DayRange): string[] {
  const days: string[] = [];
  for (let day = range.from; day <= range.to && days.length <= MAX_RANGE_DAYS; day = shiftDay(day, 1)) days.push(day);
  return days;
}

/** [start, end) in milliseconds: from the first day's midnight to the midnight after the last day, UTC. */
export function rangeBounds(range: DayRange): { startMs: number; endMs: number } {
  return { startMs: dayStartMs(range.from), endMs: dayStartMs(shiftDay(range.to, 1)) };
}
