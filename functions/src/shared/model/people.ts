// Accounts, projects with their members and specialists, specialist groups,
// and each user's chat slot per project.
import type { Level, Role } from '../catalogue';
import type { Time } from './time';

/**
 * users/{uid}: the account as the desk knows it, and the one source of its role:
 * firestore.rules and the callables read `role` and `disabled` here on every
 * request, so a change takes effect at once (an ID token's claim would live on
 * for up to an hour). Functions only; the name is what every screen shows.
 */
export interface UserDoc {
  displayName: string;
  email: string;
  role: Role;
  /** True while an admin has disabled the account: it may do nothing. */
  disabled?: boolean;
  /** When the role or the disabled flag last changed (refresh tokens were revoked then). */
  roleChangedAt?: Time;
  /** For the admin's People list (shared/accountSearch.ts); absent on accounts no function has touched yet. */
  sortName?: string;
  searchTerms?: string[];
  /** Projects the account is a member or a specialist of, kept by functions from those documents. */
  projectIds?: string[];
  /** Copied from Firebase Auth when the app starts a session (recordSignIn). */
  lastSignInAt?: Time | null;
  createdAt?: Time;
}

/**
 * users/{uid}/projectChats/{projectId}: the user's chat slot in one project,
 * written by the user in the same batch as what it guards. A new conversation
 * must take the slot, which the rules allow only once the previous one is
 * closed; an offline message must stamp `offlineMessageAt`, at most every
 * VOLUME.offlineMessageIntervalMinutes.
 */
export interface ProjectChatDoc {
  conversationId: string;
  startedAt: Time;
  offlineMessageAt: Time | null;
}

/** projects/{p}: written by functions only (saveProject), each change with an audit entry. */
export interface ProjectDoc {
  name: string;
  description: string;
  /** Functions-only counter behind per-project sequential case numbers. */
  lastCaseNumber: number;
  /** Archived: the rules refuse new conversations; history and metrics stay. Absent means false. */
  archived?: boolean;
  /** Optimistic concurrency for the admin's project form (absent on projects made before: 0). */
  revision?: number;
  updatedAt?: Time;
  updatedBy?: string;
}

export interface MemberDoc {
  /** Same as the document id; lets a collection-group query find "my projects". */
  uid: string;
  displayName: string;
  addedAt: Time;
}

export interface ProjectSpecialistDoc {
  /** Same as the document id; lets a collection-group query find "my projects". */
  uid: string;
  displayName: string;
  level: Level;
  addedAt: Time;
  addedBy: string;
}

/**
 * groups/{g}: a named set of specialists, used only when associating
 * specialists with a project (the group's members at that moment are added);
 * projects keep no link to the group, so renaming or deleting it changes no
 * project. Functions only (saveGroup, deleteGroup), with an audit entry.
 */
export interface GroupDoc {
  name: string;
  specialistIds: string[];
  /** Optimistic concurrency: each save names the revision it replaces (absent on groups made before: 0). */
  revision?: number;
  updatedAt?: Time;
  updatedBy?: string;
}
