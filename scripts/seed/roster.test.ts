import { describe, expect, it } from 'vitest';
import { CASE_CIRCUMSTANCES, ROLES } from '../../functions/src/shared/catalogue';
import { seedDocuments } from './documents';
import {
  ACCOUNTS,
  ADMIN,
  CASE_CONFIGS,
  CASE_TEMPLATES,
  DEMO_LOGINS,
  DEMO_PASSWORD,
  GROUPS,
  PROJECTS,
  SPECIALISTS,
  USERS,
} from './roster';

const projectIds = PROJECTS.map((p) => p.id);
const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);

describe('demo roster', () => {
  it('has one admin, eight specialists, twelve users and the three projects', () => {
    expect(ACCOUNTS.filter((a) => a.role === 'admin')).toEqual([ADMIN]);
    expect(SPECIALISTS).toHaveLength(8);
    expect(SPECIALISTS.every((s) => s.role === 'specialist')).toBe(true);
    expect(USERS).toHaveLength(12);
    expect(USERS.every((u) => u.role === 'user')).toBe(true);
    expect(PROJECTS.map((p) => [p.id, p.name])).toEqual([
      ['it-support', 'IT Support'],
      ['hr', 'HR'],
      ['facilities', 'Facilities'],
    ]);
  });

  it('gives every account a unique uid and a unique email', () => {
    expect(duplicates(ACCOUNTS.map((a) => a.uid))).toEqual([]);
    expect(duplicates(ACCOUNTS.map((a) => a.email.toLowerCase()))).toEqual([]);
  });

  it.each(projectIds)('staffs %s with at least two level-1 and one level-2 specialist', (projectId) => {
    const levels = SPECIALISTS.flatMap((s) => s.projects.filter((p) => p.projectId === projectId).map((p) => p.level));
    expect(levels.filter((l) => l === 1).length).toBeGreaterThanOrEqual(2);
    expect(levels.filter((l) => l === 2).length).toBeGreaterThanOrEqual(1);
  });

  it('associates each specialist with one to three known projects, once each', () => {
    for (const s of SPECIALISTS) {
      const ids = s.projects.map((p) => p.projectId);
      expect(ids.length, s.uid).toBeGreaterThanOrEqual(1);
      expect(ids.length, s.uid).toBeLessThanOrEqual(3);
      expect(duplicates(ids), s.uid).toEqual([]);
      expect(
        ids.filter((id) => !projectIds.includes(id)),
        s.uid,
      ).toEqual([]);
    }
  });

  it('makes each user a member of one or two known projects', () => {
    for (const u of USERS) {
      expect(u.projectIds.length, u.uid).toBeGreaterThanOrEqual(1);
      expect(u.projectIds.length, u.uid).toBeLessThanOrEqual(2);
      expect(duplicates(u.projectIds), u.uid).toEqual([]);
      expect(
        u.projectIds.filter((id) => !projectIds.includes(id)),
        u.uid,
      ).toEqual([]);
    }
  });

  it('puts only specialists in groups', () => {
    const specialistIds = SPECIALISTS.map((s) => s.uid);
    for (const g of GROUPS) {
      expect(g.specialistIds.length, g.id).toBeGreaterThan(0);
      expect(
        g.specialistIds.filter((id) => !specialistIds.includes(id)),
        g.id,
      ).toEqual([]);
    }
  });
});

describe('demo case configuration', () => {
  const templates = new Map(CASE_TEMPLATES.map((t) => [t.id, t]));

  it('configures both circumstances exactly once per project', () => {
    const keys = CASE_CONFIGS.map((c) => `${c.projectId}/${c.circumstance}`);
    expect(keys.sort()).toEqual(projectIds.flatMap((p) => CASE_CIRCUMSTANCES.map((c) => `${p}/${c}`)).sort());
  });

  it('backs every caseConfig with an existing template that has no mandatory field', () => {
    for (const c of CASE_CONFIGS) {
      const template = templates.get(c.templateId);
      expect(template, c.templateId).toBeDefined();
      expect(
        template?.fields.filter((f) => f.mandatory),
        c.templateId,
      ).toEqual([]);
    }
  });

  it('still offers templates with mandatory fields, which chat must not use', () => {
    const withMandatory = CASE_TEMPLATES.filter((t) => t.fields.some((f) => f.mandatory)).map((t) => t.id);
    expect(withMandatory.length).toBeGreaterThan(0);
    expect(CASE_CONFIGS.filter((c) => withMandatory.includes(c.templateId))).toEqual([]);
  });

  it('routes case defaults to existing groups', () => {
    const groupIds = GROUPS.map((g) => g.id);
    expect(CASE_CONFIGS.filter((c) => !groupIds.includes(c.defaults.group))).toEqual([]);
  });
});

describe('demo logins', () => {
  it('lists real roster accounts, with the shared password, covering every role', () => {
    for (const login of DEMO_LOGINS) {
      const account = ACCOUNTS.find((a) => a.email === login.email);
      expect(account?.role, login.email).toBe(login.role);
      expect(login.password).toBe(DEMO_PASSWORD);
      expect(login.note.length, login.email).toBeGreaterThan(0);
    }
    expect([...new Set(DEMO_LOGINS.map((l) => l.role))].sort()).toEqual([...ROLES].sort());
  });
});

describe('seed documents', () => {
  const at = { toMillis: () => 0 };
  const docs = seedDocuments(at);

  it('writes each path once, within one batch', () => {
    expect(duplicates(docs.map((d) => d.path))).toEqual([]);
    expect(docs.length).toBeLessThanOrEqual(500);
  });

  it('writes one membership per user project and one entry per specialist project', () => {
    const members = docs.filter((d) => d.kind === 'member').map((d) => d.path);
    const specialists = docs.filter((d) => d.kind === 'specialist').map((d) => d.path);
    expect(members).toContain('projects/hr/members/user-luis');
    expect(members).toHaveLength(USERS.reduce((n, u) => n + u.projectIds.length, 0));
    expect(specialists).toContain('projects/it-support/specialists/spec-chloe');
    expect(specialists).toHaveLength(SPECIALISTS.reduce((n, s) => n + s.projects.length, 0));
  });

  it('stamps configuration with the seed time and the admin as author', () => {
    const chat = docs.find((d) => d.path === 'settings/chat');
    expect(chat?.data).toMatchObject({ enabled: true, revision: 1, updatedAt: at, updatedBy: ADMIN.uid });
    const level = docs.find((d) => d.path === 'projects/it-support/specialists/spec-chloe');
    expect(level?.data).toMatchObject({ uid: 'spec-chloe', level: 2, addedBy: ADMIN.uid });
  });
});
