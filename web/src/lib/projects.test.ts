import { describe, expect, it } from 'vitest';
import { paths } from '$shared/catalogue';
import { projectIdOf } from './projects';

describe('projectIdOf', () => {
  it('finds the project of a member or specialist document', () => {
    expect(projectIdOf(paths.member('acme', 'u1'))).toBe('acme');
    expect(projectIdOf(paths.projectSpecialist('globex', 's1'))).toBe('globex');
  });

  it('refuses paths that are not inside a project', () => {
    expect(projectIdOf(paths.project('acme'))).toBeNull();
    expect(projectIdOf(paths.user('u1'))).toBeNull();
    expect(projectIdOf('')).toBeNull();
  });
});
