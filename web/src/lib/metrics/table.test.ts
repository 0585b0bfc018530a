import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';
import { formatSeconds, formatShare } from './format';
import { emptyCounts } from './summary';
import { COLUMNS, sortRows, specialistRow, tableCsv } from './table';

const row = (name: string, counts: Partial<ReturnType<typeof emptyCounts>>) =>
  specialistRow({
    uid: `uid-${name}`,
    name,
    level: null,
    counts: { ...emptyCounts(), ...counts },
    availability: 'away',
    activeConversations: null,
  });

describe('specialists table', () => {
  const ann = row('Ann', { engagements: 4, attendedL1: 4, transferredOut: 1, ratingCount: 2, ratingSum: 9 });
  const bob = row('bob', { engagements: 1, attendedL2: 1 });
  const cy = row('Cy', { engagements: 2, attendedL1: 2, transferredOut: 2 });

  it('sorts by a column either way, rows without a value last in both', () => {
    const names = (key: string, direction: 'ascending' | 'descending') =>
      sortRows([ann, bob, cy], key, direction).map((r) => r.name);
    expect(names('name', 'ascending')).toEqual(['Ann', 'bob', 'Cy']);
    expect(names('escalationRate', 'descending')).toEqual(['Cy', 'Ann', 'bob']);
    expect(names('escalationRate', 'ascending')).toEqual(['Ann', 'Cy', 'bob']);
    expect(names('averageRating', 'ascending')).toEqual(['Ann', 'bob', 'Cy']);
  });

  it('shows each column as text, with a dash for nothing to average', () => {
    const text = (key: string, r = ann) => COLUMNS.find((c) => c.key === key)?.text(r);
    expect(text('escalationRate')).toBe('25%');
    expect(text('averageRating')).toBe('4.50');
    expect(text('averageRating', bob)).toBe('—');
    expect(text('distribution')).toBe('1★ 0 · 2★ 0 · 3★ 0 · 4★ 0 · 5★ 0');
    expect(text('activeConversations')).toBe('—');
  });

  it('exports raw numbers with one column per rating score', () => {
    const [header, first] = tableCsv([ann], { from: '2026-03-01', to: '2026-03-31' }, 'All projects')
      .trim()
      .split('\r\n');
    const cells = first?.split(',') ?? [];
    const at = (name: string) => cells[header?.split(',').indexOf(name) ?? -1];
    expect(at('Specialist')).toBe('Ann');
    expect(at('Escalation rate L1')).toBe('0.25');
    expect(at('Average rating')).toBe('4.5');
    expect(at('Ratings 5')).toBe('0');
    expect(at('Avg L2 pickup (s)')).toBe('');
  });
});

describe('csv and formats', () => {
  it('quotes separators and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(1 / 3)).toBe('0.333');
    expect(csvCell(null)).toBe('');
    expect(toCsv(['a', 'b'], [[1, 'x\ny']])).toBe('a,b\r\n1,"x\ny"\r\n');
  });

  it('writes durations and shares for people', () => {
    expect(formatSeconds(42.4)).toBe('42 s');
    expect(formatSeconds(65)).toBe('1 min 05 s');
    expect(formatSeconds(3725)).toBe('1 h 02 min');
    expect(formatSeconds(null)).toBe('—');
    expect(formatShare(2 / 3)).toBe('67%');
  });
});
