// The roster as Firestore documents: one path and one typed body each. Pure, so
// the roster test can check what the seed writes without an emulator.
import { paths } from '../../functions/src/shared/catalogue';
import { searchTermsOf, sortNameOf } from '../../functions/src/shared/accountSearch';
import type {
  CaseConfigDoc,
  CaseTemplateDoc,
  ChatMessagesDoc,
  ChatSettingsDoc,
  GroupDoc,
  MemberDoc,
  ProjectDoc,
  ProjectSpecialistDoc,
  Time,
  UserDoc,
} from '../../functions/src/shared/model';
import {
  ACCOUNTS,
  ADMIN,
  CASE_CONFIGS,
  CASE_TEMPLATES,
  CHAT_MESSAGES,
  CHAT_SETTINGS,
  GROUPS,
  PROJECTS,
  SPECIALISTS,
  USERS,
} from './roster';

export type SeedDocument =
  | { kind: 'settings'; path: string; data: ChatSettingsDoc | ChatMessagesDoc }
  | { kind: 'user'; path: string; data: UserDoc }
  | { kind: 'project'; path: string; data: ProjectDoc }
  | { kind: 'member'; path: string; data: MemberDoc }
  | { kind: 'specialist'; path: string; data: ProjectSpecialistDoc }
  | { kind: 'group'; path: string; data: GroupDoc }
  | { kind: 'caseTemplate'; path: string; data: CaseTemplateDoc }
  | { kind: 'caseConfig'; path: string; data: CaseConfigDoc };

/** Every document of the demo, stamped with one seed time `at`. */
export function seedDocuments(at: Time): SeedDocument[] {
  const docs: SeedDocument[] = [
    { kind: 'settings', path: paths.chatSettings(), data: { ...CHAT_SETTINGS, updatedAt: at } },
    { kind: 'settings', path: paths.chatMessages(), data: { ...CHAT_MESSAGES, updatedAt: at } },
  ];
  // The People list's fields, as the account functions write them.
  const projectsOf = (uid: string) => [
    ...(USERS.find((u) => u.uid === uid)?.projectIds ?? []),
    ...(SPECIALISTS.find((s) => s.uid === uid)?.projects.map((p) => p.projectId) ?? []),
  ];
  for (const { uid, displayName, email, role } of ACCOUNTS) {
    const data: UserDoc = {
      displayName,
      email,
      role,
      disabled: false,
      sortName: sortNameOf(displayName, email),
      searchTerms: searchTermsOf(displayName, email),
      projectIds: [...new Set(projectsOf(uid))].sort(),
      lastSignInAt: null,
      createdAt: at,
    };
    docs.push({ kind: 'user', path: paths.user(uid), data });
  }
  for (const { id, name, description } of PROJECTS) {
    docs.push({ kind: 'project', path: paths.project(id), data: { name, description, lastCaseNumber: 0 } });
  }
  for (const { uid, displayName, projectIds } of USERS) {
    for (const projectId of projectIds) {
      docs.push({ kind: 'member', path: paths.member(projectId, uid), data: { uid, displayName, addedAt: at } });
    }
  }
  for (const { uid, displayName, projects } of SPECIALISTS) {
    for (const { projectId, level } of projects) {
      docs.push({
        kind: 'specialist',
        path: paths.projectSpecialist(projectId, uid),
        data: { uid, displayName, level, addedAt: at, addedBy: ADMIN.uid },
      });
    }
  }
  for (const { id, name, specialistIds } of GROUPS) {
    docs.push({ kind: 'group', path: paths.group(id), data: { name, specialistIds } });
  }
  for (const { id, name, fields } of CASE_TEMPLATES) {
    docs.push({ kind: 'caseTemplate', path: paths.caseTemplate(id), data: { name, fields, updatedAt: at } });
  }
  for (const { projectId, circumstance, templateId, defaults, subjectPattern } of CASE_CONFIGS) {
    docs.push({
      kind: 'caseConfig',
      path: paths.caseConfig(projectId, circumstance),
      data: { templateId, defaults, subjectPattern, updatedAt: at, updatedBy: ADMIN.uid },
    });
  }
  return docs;
}
