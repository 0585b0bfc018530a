// What the bench seeds with the Admin SDK, shaped as firestore.rules and the
// functions expect (functions/src/shared/model.ts): chat settings, projects,
// people on duty, case configuration. Conversations and messages are never
// seeded in the app project: users and specialists write those under the rules.
import { randomUUID } from 'node:crypto';
import { Timestamp } from 'firebase-admin/firestore';
import { paths, type Level } from '$shared/catalogue';
import type { CaseConfigDoc, ChatSettingsDoc, MemberDoc, ProjectSpecialistDoc } from '$shared/model';
import { DEFAULT_GENERAL_SETTINGS } from '$shared/settings';
import { createAccount, type Account, type Admin } from './clients';

/** Room for every delivery room's conversations without queueing (the rules allow up to 20). */
export const MAX_CONVERSATIONS_PER_SPECIALIST = 20;

export async function enableChat(admin: Admin): Promise<void> {
  const chat: ChatSettingsDoc = {
    enabled: true,
    general: {
      ...DEFAULT_GENERAL_SETTINGS,
      maxConversationsPerSpecialist: MAX_CONVERSATIONS_PER_SPECIALIST,
      // The sweep does not run under emulators:exec; long values keep it harmless if it ever does.
      inactivityWarningSeconds: 7200,
      inactivityCloseSeconds: 86400,
      ratingEnabled: true,
    },
    revision: 1,
    updatedAt: Timestamp.now(),
    updatedBy: 'bench',
  };
  await admin.db.doc(paths.chatSettings()).set(chat);
}

export async function seedProject(admin: Admin, label: string): Promise<string> {
  const projectId = `bench-${label}-${randomUUID().slice(0, 6)}`;
  await admin.db
    .doc(paths.project(projectId))
    .set({ name: `Bench ${label}`, description: 'Benchmark project', lastCaseNumber: 0 });
  return projectId;
}

/** One fresh connection stamped now: available for PRESENCE.ttlMs (90 s). */
export async function markAvailable(admin: Admin, uid: string): Promise<void> {
  const now = Timestamp.now();
  await admin.db
    .doc(paths.presence(uid))
    .set({ choice: 'available', connections: { [`bench-${uid}`]: now }, updatedAt: now });
}

/** Stamps presence again every `everyMs` until stopped, as the desk's heartbeat would. */
export function keepAvailable(admin: Admin, uids: readonly string[], everyMs = 30_000): () => void {
  const timer = setInterval(() => {
    void Promise.all(uids.map((uid) => markAvailable(admin, uid))).catch(() => {});
  }, everyMs);
  return () => clearInterval(timer);
}

export async function addSpecialist(
  admin: Admin,
  projectId: string,
  level: Level,
  label = `specialist-l${level}`,
): Promise<Account> {
  const account = await createAccount(admin, 'specialist', label);
  await markAvailable(admin, account.uid);
  const doc: ProjectSpecialistDoc = {
    uid: account.uid,
    displayName: account.displayName,
    level,
    addedAt: Timestamp.now(),
    addedBy: 'bench',
  };
  await admin.db.doc(paths.projectSpecialist(projectId, account.uid)).set(doc);
  return account;
}

export async function addMember(admin: Admin, projectId: string, label = 'user'): Promise<Account> {
  const account = await createAccount(admin, 'user', label);
  const doc: MemberDoc = { uid: account.uid, displayName: account.displayName, addedAt: Timestamp.now() };
  await admin.db.doc(paths.member(projectId, account.uid)).set(doc);
  return account;
}

/** An offline configuration with a template without mandatory fields, so every offline message gets a case. */
export async function configureOfflineCases(admin: Admin, projectId: string): Promise<void> {
  const templateId = `bench-template-${projectId}`;
  const now = Timestamp.now();
  await admin.db.doc(paths.caseTemplate(templateId)).set({
    name: 'Bench',
    fields: [{ key: 'detail', label: 'Detail', mandatory: false }],
    updatedAt: now,
  });
  const config: CaseConfigDoc = {
    templateId,
    defaults: { type: 'Incident', category: 'Chat', service: 'Bench', priority: 'medium', group: 'L1' },
    subjectPattern: 'Chat: {firstLine}',
    updatedAt: now,
    updatedBy: 'bench',
  };
  await admin.db.doc(paths.caseConfig(projectId, 'offline')).set(config);
}
