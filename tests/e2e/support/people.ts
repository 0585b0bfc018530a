// The people a browser test signs in as: an Auth account with its role claim and
// its users/{uid} document, named after the test's own prefix and run id.
import { randomUUID } from 'node:crypto';
import { initializeApp, type App } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { paths, type Role } from '$shared/catalogue';
import { PROJECT_ID } from '../../support/emulators';

export interface TestPerson {
  uid: string;
  email: string;
  password: string;
  displayName: string;
}

/** An Admin SDK app on the emulators, refusing to run anywhere else. */
export function emulatorApp(name: string): App {
  if (!process.env.FIRESTORE_EMULATOR_HOST || !process.env.FIREBASE_AUTH_EMULATOR_HOST) {
    throw new Error('Browser tests need the emulators: run them through `npm test` (firebase emulators:exec).');
  }
  return initializeApp({ projectId: PROJECT_ID }, name);
}

/** Creates `person`'s Auth account (with the role claim unless `claim` is false) and users/{uid}. */
export async function createAccount(app: App, person: TestPerson, role: Role, { claim = true } = {}): Promise<void> {
  const auth = getAuth(app);
  await auth.createUser({
    uid: person.uid,
    email: person.email,
    password: person.password,
    displayName: person.displayName,
  });
  if (claim) await auth.setCustomUserClaims(person.uid, { role });
  await getFirestore(app)
    .doc(paths.user(person.uid))
    .set({ displayName: person.displayName, email: person.email, role });
}

export interface PeopleOptions {
  /** Numbers each uid (`role-N-run`), so one role can have several people. */
  numbered?: boolean;
  /** Sets the role claim on the account (the default). */
  claim?: boolean;
}

/** The people one test file creates, as `${prefix}-${role}[-N]-${run}`, kept for cleanup. */
export class People {
  readonly all: TestPerson[] = [];

  constructor(
    private readonly app: App,
    private readonly prefix: string,
    private readonly run: string,
    private readonly options: PeopleOptions = {},
  ) {}

  get uids(): string[] {
    return this.all.map((p) => p.uid);
  }

  async create(role: Role, name: string): Promise<TestPerson> {
    const slug = this.options.numbered ? `${role}-${this.all.length}-${this.run}` : `${role}-${this.run}`;
    const person: TestPerson = {
      uid: `${this.prefix}-${slug}`,
      email: `${this.prefix}-${slug}@test.example`,
      password: `pw-${randomUUID()}`,
      displayName: `${name} ${this.run}`,
    };
    await createAccount(this.app, person, role, { claim: this.options.claim ?? true });
    this.all.push(person);
    return person;
  }
}

export interface RemoveOptions {
  /** Also presence/{uid} and specialistLoad/{uid}, which a specialist's desk writes. */
  desk?: boolean;
  /** Also specialistStats/{uid} with its day buckets, which the triggers write. */
  stats?: boolean;
}

/** Deletes what `uids` left: users/{uid} (and, as asked, their desk and stats documents), then the accounts. */
export async function removePeople(app: App, uids: string[], { desk = false, stats = false }: RemoveOptions = {}) {
  const db = getFirestore(app);
  for (const uid of uids) {
    await db.doc(paths.user(uid)).delete();
    if (desk) {
      await db.doc(paths.presence(uid)).delete();
      await db.doc(paths.specialistLoad(uid)).delete();
    }
    if (stats) await db.recursiveDelete(db.doc(paths.specialistStats(uid)));
  }
  await getAuth(app).deleteUsers(uids);
}
