import { describe, expect, it } from 'vitest';
import { filterFromParams, filterSearch } from './filter';

const now = Date.parse('2026-03-04T12:00:00Z');

describe('metrics filter in the URL', () => {
  it('defaults to the last 30 UTC days over all projects', () => {
    expect(filterFromParams(new URLSearchParams(''), now)).toEqual({
      filter: { range: { from: '2026-02-03', to: '2026-03-04' }, projectId: null },
      problem: null,
    });
  });

  it('reads a range and a project, and writes them back the same', () => {
    const search = '?from=2026-02-01&to=2026-02-28&project=alpha';
    const { filter, problem } = filterFromParams(new URLSearchParams(search), now);
    expect(problem).toBeNull();
    expect(filter).toEqual({ range: { from: '2026-02-01', to: '2026-02-28' }, projectId: 'alpha' });
    expect(filterSearch(filter)).toBe(search);
  });

  it('falls back to the default range, saying why, when the URL range is unusable', () => {
    const { filter, problem } = filterFromParams(new URLSearchParams('from=2026-03-05&to=2026-03-01'), now);
    expect(problem).toMatch(/must not come after/);
    expect(filter.range).toEqual({ from: '2026-02-03', to: '2026-03-04' });
  });
});
