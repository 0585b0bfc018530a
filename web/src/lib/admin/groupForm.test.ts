import { describe, expect, it } from 'vitest';
import { changedElsewhere } from './concurrency';
import { conflictValues, deleteConsequence, revisionFor, storedGroup, EMPTY_GROUP } from './groupForm';

describe('group form', () => {
  it('versions a group by its revision (0 before revisions existed) and ignores member order', () => {
    const a = storedGroup({ name: 'Net', specialistIds: ['b', 'a'] });
    expect(a).toEqual({ version: '0', values: { name: 'Net', specialistIds: ['a', 'b'] } });
    const b = storedGroup({ name: 'Net', specialistIds: ['a', 'b'], revision: 1 });
    expect(changedElsewhere(a, b)).toBe(false);
    expect(changedElsewhere(a, storedGroup({ name: 'Network', specialistIds: ['a'], revision: 1 }))).toBe(true);
  });

  it('names the revision it saves over, null for a new group', () => {
    expect(revisionFor(EMPTY_GROUP)).toBeNull();
    expect(revisionFor(storedGroup({ name: 'N', specialistIds: [], revision: 4 }))).toBe(4);
  });

  it('reads the other admin’s values from a refused save', () => {
    expect(conflictValues({ current: { revision: 2, name: 'X', specialistIds: ['s'] } })).toEqual({
      version: '2',
      values: { name: 'X', specialistIds: ['s'] },
    });
    expect(conflictValues({ current: null })).toBeNull();
    expect(conflictValues(undefined)).toBeNull();
  });

  it('says deleting a group leaves projects as they are', () => {
    expect(deleteConsequence('Net', 1)).toContain('1 specialist keeps their accounts and every project');
  });
});
