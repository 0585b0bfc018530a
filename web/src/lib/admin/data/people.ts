// The admin's People list and the account callables. The list is one query of
// users/{uid}, ordered by the functions-kept `sortName`, optionally narrowed by
// role and by a search term (shared/accountSearch.ts); pages start after the last row.
import {
  collection,
  getDocs,
  limit,
  orderBy,
  query,
  startAfter,
  where,
  type DocumentSnapshot,
  type Firestore,
  type QueryConstraint,
} from 'firebase/firestore';
import { searchTermFor } from '$shared/accountSearch';
import type {
  CreateAccountRequest,
  CreateAccountResult,
  ImportAccountsRequest,
  ImportAccountsResult,
  SetAccountDisabledRequest,
  SetAccountDisabledResult,
  SetRoleRequest,
  SetRoleResult,
} from '$shared/callables';
import { CALLABLES, COLLECTIONS, type Role } from '$shared/catalogue';
import type { UserDoc } from '$shared/model';
import { callable } from '$lib/firebase/callable';
import type { Page } from '$lib/firebase/pages.svelte';

export const PEOPLE_PAGE_SIZE = 25;

export type Person = UserDoc & { uid: string };

export interface PeopleFilter {
  search: string;
  role: Role | '';
}

export async function peoplePage(
  db: Firestore,
  filter: PeopleFilter,
  after: DocumentSnapshot | null,
): Promise<Page<Person>> {
  const term = searchTermFor(filter.search);
  const constraints: QueryConstraint[] = [];
  if (filter.role) constraints.push(where('role', '==', filter.role));
  if (term) constraints.push(where('searchTerms', 'array-contains', term));
  constraints.push(orderBy('sortName'));
  if (after) constraints.push(startAfter(after));
  constraints.push(limit(PEOPLE_PAGE_SIZE));
  const snap = await getDocs(query(collection(db, COLLECTIONS.users), ...constraints));
  const last = snap.docs[snap.docs.length - 1];
  return {
    items: snap.docs.map((d) => ({ ...(d.data() as UserDoc), uid: d.id })),
    next: snap.size === PEOPLE_PAGE_SIZE && last ? last : null,
  };
}

export async function createAccount(request: CreateAccountRequest): Promise<CreateAccountResult> {
  const call = await callable<CreateAccountRequest, CreateAccountResult>(CALLABLES.createAccount);
  return (await call(request)).data;
}

export async function setRole(request: SetRoleRequest): Promise<SetRoleResult> {
  const call = await callable<SetRoleRequest, SetRoleResult>(CALLABLES.setRole);
  return (await call(request)).data;
}

export async function setAccountDisabled(request: SetAccountDisabledRequest): Promise<SetAccountDisabledResult> {
  const call = await callable<SetAccountDisabledRequest, SetAccountDisabledResult>(CALLABLES.setAccountDisabled);
  return (await call(request)).data;
}

/** Of these emails, those that already have a users document (`in` takes 30 values at a time). */
export async function emailsWithAccounts(db: Firestore, emails: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  const unique = [...new Set(emails.filter(Boolean))];
  for (let i = 0; i < unique.length; i += 30) {
    const snap = await getDocs(query(collection(db, COLLECTIONS.users), where('email', 'in', unique.slice(i, i + 30))));
    for (const d of snap.docs) found.add(String(d.get('email')).toLowerCase());
  }
  return found;
}

export async function importAccounts(request: ImportAccountsRequest): Promise<ImportAccountsResult> {
  const call = await callable<ImportAccountsRequest, ImportAccountsResult>(CALLABLES.importAccounts);
  return (await call(request)).data;
}
