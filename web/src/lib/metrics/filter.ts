// The metrics screens' filter (project and UTC day range) lives in the URL, so
// a view can be bookmarked, shared, and kept when moving to a detail page. Pure.
import { defaultRange, rangeProblem, type DayRange } from './days';

export interface MetricsFilter {
  range: DayRange;
  /** Null: all projects. */
  projectId: string | null;
}

export interface ParsedFilter {
  filter: MetricsFilter;
  /** Why the URL's range was not used (the default range is shown instead). */
  problem: string | null;
}

export function filterFromParams(params: URLSearchParams, nowMs: number): ParsedFilter {
  const fallback = defaultRange(nowMs);
  const projectId = params.get('project') || null;
  const from = params.get('from');
  const to = params.get('to');
  if (from === null && to === null) return { filter: { range: fallback, projectId }, problem: null };
  const range = { from: from ?? fallback.from, to: to ?? fallback.to };
  const problem = rangeProblem(range);
  return { filter: { range: problem ? fallback : range, projectId }, problem };
}

/** `?from=…&to=…[&project=…]`, to append to a metrics path. */
export function filterSearch(filter: MetricsFilter): string {
  const params = new URLSearchParams({ from: filter.range.from, to: filter.range.to });
  if (filter.projectId) params.set('project', filter.projectId);
  return `?${params.toString()}`;
}
