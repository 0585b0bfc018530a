// The projects a browser test serves in, the shared settings it changes for a
// while, and the conversations and cases it leaves behind.
import { Timestamp, type DocumentSnapshot, type Firestore } from 'firebase-admin/firestore';
import { COLLECTIONS, paths, type CaseCircumstance, type Level } from '$shared/catalogue';
import type { CaseTemplateDoc } from '$shared/model';
import type { TestPerson } from './people';

export interface Desk {
  id: string;
  name: string;
}

export interface DeskSeed {
  project: Desk;
  description: string;
  members: TestPerson[];
  specialists: Array<[TestPerson, Level]>;
  /** Who the specialists and case configuration were "added by". */
  addedBy: string;
  template: { id: string; fields: CaseTemplateDoc['fields'] };
  /** The circumstances that create a case, each with the same configuration. */
  circumstances: CaseCircumstance[];
  priority: string;
}

/** A project with its members, its specialists at their levels, a case template and case configuration. */
export async function createDesk(db: Firestore, seed: DeskSeed): Promise<Desk> {
  const { project } = seed;
  const now = Timestamp.now();
  const batch = db.batch();
  batch.set(db.doc(paths.project(project.id)), {
    name: project.name,
    description: seed.description,
    lastCaseNumber: 0,
  });
  for (const m of seed.members) {
    batch.set(db.doc(paths.member(project.id, m.uid)), { uid: m.uid, displayName: m.displayName, addedAt: now });
  }
  for (const [s, level] of seed.specialists) {
    batch.set(db.doc(paths.projectSpecialist(project.id, s.uid)), {
      uid: s.uid,
      displayName: s.displayName,
      level,
      addedAt: now,
      addedBy: seed.addedBy,
    });
  }
  batch.set(db.doc(paths.caseTemplate(seed.template.id)), {
    name: 'Chat',
    fields: seed.template.fields,
    updatedAt: now,
  });
  for (const circumstance of seed.circumstances) {
    batch.set(db.doc(paths.caseConfig(project.id, circumstance)), {
      templateId: seed.template.id,
      defaults: { type: 'Incident', category: 'Chat', service: 'Printing', priority: seed.priority, group: 'Desk' },
      subjectPattern: 'Chat: {firstLine}',
      updatedAt: now,
      updatedBy: seed.addedBy,
    });
  }
  await batch.commit();
  return project;
}

/** Deletes a project with everything under it, its cases, and (when given) its case template. */
export async function removeDesk(db: Firestore, projectId: string, templateId?: string) {
  const cases = await db.collection(COLLECTIONS.cases).where('projectId', '==', projectId).get();
  for (const c of cases.docs) await db.recursiveDelete(c.ref);
  await db.recursiveDelete(db.doc(paths.project(projectId)));
  if (templateId) await db.doc(paths.caseTemplate(templateId)).delete();
}

/**
 * settings/* are shared by every suite: writes `data` at the next revision and returns
 * what puts the previous document back (or deletes it, if there was none).
 */
export async function replaceSettings(
  db: Firestore,
  path: string,
  data: object,
  updatedBy: string,
): Promise<() => Promise<void>> {
  const ref = db.doc(path);
  const previous: DocumentSnapshot = await ref.get();
  const revision = ((previous.get('revision') as number | undefined) ?? 0) + 1;
  await ref.set({ ...data, revision, updatedAt: Timestamp.now(), updatedBy });
  return async () => {
    if (previous.exists) await ref.set(previous.data()!);
    else await ref.delete();
  };
}

/** Deletes the conversations of `userIds` with their messages, ratings and offline messages. */
export async function removeConversations(db: Firestore, userIds: string[]) {
  if (userIds.length === 0) return;
  const conversations = await db.collection(COLLECTIONS.conversations).where('userId', 'in', userIds).get();
  for (const c of conversations.docs) {
    await db.recursiveDelete(c.ref);
    // Only what exists: the emulator reports deleting a missing document to create triggers.
    for (const ref of [db.doc(paths.rating(c.id)), db.doc(paths.offlineMessage(c.id))]) {
      if ((await ref.get()).exists) await ref.delete();
    }
  }
}
