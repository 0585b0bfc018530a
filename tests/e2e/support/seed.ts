// Seeds, through the Admin SDK, the accounts and project the sign-in journey needs,
// with names unique to this run so repeated runs never see each other's data.
import { randomUUID } from 'node:crypto';
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore, Timestamp } from 'firebase-admin/firestore';
import { paths, type Role } from '$shared/catalogue';
import type { ChatSettingsDoc, MemberDoc, ProjectDoc, ProjectSpecialistDoc, UserDoc } from '$shared/model';
import { DEFAULT_GENERAL_SETTINGS } from '$shared/settings';
import { PROJECT_ID } from '../../support/emulators';

export interface Person {
  uid: string;
  email: string;
  password: string;
  displayName: string;
  role: Role;
}

export interface SignInWorld {
  admin: Person;
  specialist: Person;
  user: Person;
  project: { id: string; name: string };
  cleanup(): Promise<void>;
}

function adminApp(run: string): App {
  if (!process.env.FIRESTORE_EMULATOR_HOST || !process.env.FIREBASE_AUTH_EMULATOR_HOST) {
    throw new Error('Browser tests need the emulators: run them through `npm test` (firebase emulators:exec).');
  }
  return initializeApp({ projectId: PROJECT_ID }, `e2e-signin-${run}`);
}

export async function seedSignInWorld(): Promise<SignInWorld> {
  const run = randomUUID().slice(0, 8);
  const app = adminApp(run);
  const auth = getAuth(app);
  const db = getFirestore(app);
  const now = Timestamp.now();

  async function createPerson(role: Role, name: string): Promise<Person> {
    const person: Person = {
      uid: `e2e-${role}-${run}`,
      email: `e2e-${role}-${run}@test.example`,
      password: `pw-${randomUUID()}`,
      displayName: `${name} ${run}`,
      role,
    };
    await auth.createUser({
      uid: person.uid,
      email: person.email,
      password: person.password,
      displayName: person.displayName,
    });
    await auth.setCustomUserClaims(person.uid, { role });
    const doc: UserDoc = { displayName: person.displayName, email: person.email, role };
    await db.doc(paths.user(person.uid)).set(doc);
    return person;
  }

  const admin = await createPerson('admin', 'Ada Admin');
  const specialist = await createPerson('specialist', 'Sam Specialist');
  const user = await createPerson('user', 'Uma User');
  const project = { id: `e2e-project-${run}`, name: `Signin Project ${run}` };

  const projectDoc: ProjectDoc = {
    name: project.name,
    description: 'Seeded by the sign-in browser test.',
    lastCaseNumber: 0,
  };
  const member: MemberDoc = { uid: user.uid, displayName: user.displayName, addedAt: now };
  const serving: ProjectSpecialistDoc = {
    uid: specialist.uid,
    displayName: specialist.displayName,
    level: 1,
    addedAt: now,
    addedBy: admin.uid,
  };
  const chat: ChatSettingsDoc = {
    enabled: true,
    general: DEFAULT_GENERAL_SETTINGS,
    revision: 1,
    updatedAt: now,
    updatedBy: admin.uid,
  };
  const batch = db.batch();
  batch.set(db.doc(paths.project(project.id)), projectDoc);
  batch.set(db.doc(paths.member(project.id, user.uid)), member);
  batch.set(db.doc(paths.projectSpecialist(project.id, specialist.uid)), serving);
  batch.set(db.doc(paths.chatSettings()), chat);
  await batch.commit();

  return {
    admin,
    specialist,
    user,
    project,
    async cleanup() {
      // settings/chat is global and every test sets its own, so it stays.
      await db.recursiveDelete(db.doc(paths.project(project.id)));
      await Promise.all([admin, specialist, user].map((p) => db.doc(paths.user(p.uid)).delete()));
      await auth.deleteUsers([admin.uid, specialist.uid, user.uid]);
      await deleteApp(app);
    },
  };
}
