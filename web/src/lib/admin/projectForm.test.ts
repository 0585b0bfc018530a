import { describe, expect, it } from 'vitest';
import { changedElsewhere } from './concurrency';
import { EMPTY_PROJECT, openCountByUser, projectConflict, projectRevisionFor, storedProject } from './projectForm';

describe('project form', () => {
  it('versions a project by its revision; archived absent reads as false', () => {
    const old = storedProject({ name: 'P', description: '' });
    expect(old).toEqual({ version: '0', values: { name: 'P', description: '', archived: false } });
    expect(changedElsewhere(old, storedProject({ name: 'P', description: '', archived: true, revision: 1 }))).toBe(
      true,
    );
    expect(projectRevisionFor(EMPTY_PROJECT)).toBeNull();
    expect(projectRevisionFor(old)).toBe(0);
  });
  it('reads the other admin’s values from a refused save', () => {
    expect(projectConflict({ current: { revision: 3, name: 'Q', description: 'd', archived: true } })).toEqual({
      version: '3',
      values: { name: 'Q', description: 'd', archived: true },
    });
    expect(projectConflict({ current: null })).toBeNull();
  });
  it('counts open conversations per user', () => {
    expect(openCountByUser([{ userId: 'a' }, { userId: 'b' }, { userId: 'a' }])).toEqual(
      new Map([
        ['a', 2],
        ['b', 1],
      ]),
    );
  });
});
