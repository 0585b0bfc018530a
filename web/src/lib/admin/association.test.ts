import { describe, expect, it } from 'vitest';
import type { Level } from '$shared/catalogue';
import { describePlan, groupCandidates, groupNamesOf, nameOf, planAssociation, planSize } from './association';

const ana = { uid: 'ana', displayName: 'Ana' };
const ben = { uid: 'ben', displayName: 'Ben' };
const chloe = { uid: 'chloe', displayName: 'Chloé' };

describe('planAssociation', () => {
  const current = new Map<string, Level>([
    ['ben', 1],
    ['chloe', 2],
  ]);

  it('adds newcomers, changes the level of those at the other level and leaves the rest', () => {
    const plan = planAssociation([ana, ben, chloe], 2, current);
    expect(plan.add).toEqual([ana]);
    expect(plan.change).toEqual([{ ...ben, from: 1 }]);
    expect(plan.unchanged).toEqual([chloe]);
    expect(planSize(plan)).toBe(2);
  });

  it('counts someone picked twice (by hand and through a group) once', () => {
    const plan = planAssociation([ana, ana], 1, new Map());
    expect(plan.add).toEqual([ana]);
  });

  it('has nothing to save when everyone is already at that level', () => {
    expect(planSize(planAssociation([chloe], 2, current))).toBe(0);
  });
});

describe('describePlan', () => {
  it('says who is added, whose level changes and who is already there', () => {
    const plan = planAssociation(
      [ana, ben, chloe],
      2,
      new Map<string, Level>([
        ['ben', 1],
        ['chloe', 2],
      ]),
    );
    expect(describePlan(plan, 'will')).toEqual([
      'Adds 1 specialist at Level 2: Ana.',
      'Changes Ben from Level 1 to Level 2 in this project (other projects keep their level).',
      'Already at Level 2: Chloé.',
    ]);
    expect(describePlan(plan, 'did')[0]).toBe('Added 1 specialist at Level 2: Ana.');
  });

  it('says nothing for an empty plan', () => {
    expect(describePlan(planAssociation([], 1, new Map()), 'will')).toEqual([]);
  });
});

describe('groupCandidates', () => {
  it('keeps members with a specialist account and reports the others', () => {
    const specialists = new Map([
      ['ana', ana],
      ['ben', ben],
    ]);
    expect(groupCandidates({ specialistIds: ['ana', 'gone', 'ben', 'ana'] }, specialists)).toEqual({
      candidates: [ana, ben],
      missing: ['gone'],
    });
  });
});

describe('groupNamesOf', () => {
  it('lists the groups a specialist is in, alphabetically', () => {
    const groups = [
      { name: 'Network team', specialistIds: ['ana'] },
      { name: 'Building ops', specialistIds: ['ana', 'ben'] },
      { name: 'HR', specialistIds: ['ben'] },
    ];
    expect(groupNamesOf('ana', groups)).toEqual(['Building ops', 'Network team']);
    expect(groupNamesOf('zoe', groups)).toEqual([]);
  });
});

describe('nameOf', () => {
  it('prefers the display name, then the email, then the uid, clipped to 120 characters', () => {
    expect(nameOf('u1', { displayName: ' Ana ', email: 'a@x' })).toBe('Ana');
    expect(nameOf('u1', { displayName: '', email: 'a@x' })).toBe('a@x');
    expect(nameOf('u1', undefined)).toBe('u1');
    expect(nameOf('u1', { displayName: 'x'.repeat(200), email: '' })).toHaveLength(120);
  });
});
