// The callable functions' requests, responses and limits: what the web app
// sends and what functions accept, written once (the functions' zod schemas are
// typed against these, so a drift breaks the build).
import type { CaseStatus, Role, WebhookDeliveryStatus } from './catalogue';

/** Characters of the internal note a transfer may carry. */
export const TRANSFER_NOTE_MAX = 2000;

export interface TransferRequest {
  conversationId: string;
  /** Omitted: the least busy available Level 2 specialist of the project. */
  toSpecialistId?: string;
  /** Internal note for the Level 2 specialist (may be empty). */
  note: string;
}

/** Handed to a Level 2 specialist at once, or put in the project's Level 2 line when none was free. */
export type TransferResult =
  { outcome: 'transferred'; specialistId: string; specialistName: string } | { outcome: 'waiting' };

export interface ConvertRequest {
  conversationId: string;
}

export interface ConvertResult {
  caseId: string;
  caseNumber: number;
}

/** Characters of the comment a case change may carry. */
export const CASE_COMMENT_MAX = 2000;

/**
 * One change of a case by staff. At least one of status, assignee or comment.
 * `expectedRevision` is the revision the person saw: a change made meanwhile by
 * someone else is a conflict. `requestId` is the client's id for this change, so
 * a retry of a change that already went through is answered, not applied twice.
 */
export interface UpdateCaseRequest {
  caseId: string;
  expectedRevision: number;
  requestId: string;
  status?: CaseStatus;
  /** A specialist of the case's project (or the caller), or null to unassign. Omitted: unchanged. */
  assigneeId?: string | null;
  comment?: string;
  /** True: the comment is for staff only, and the requester does not see this history entry. */
  internal?: boolean;
}

export interface UpdateCaseResult {
  revision: number;
  status: CaseStatus;
  assigneeId: string | null;
  assigneeName: string | null;
  /** False when this request had already been applied (a retry). */
  applied: boolean;
}

export interface SetRoleRequest {
  uid: string;
  role: Role;
}

export type SetRoleResult = SetRoleRequest;

/** What the admin's form loaded: the config's revision (0 before the first save) and its values. */
export interface WebhookConfigValues {
  url: string;
  enabled: boolean;
}

export interface SaveWebhookConfigRequest {
  projectId: string;
  loaded: { revision: number; values: WebhookConfigValues };
  values: WebhookConfigValues;
}

/** `changed-elsewhere`: another admin saved other values since the form loaded; nothing was saved. */
export type SaveWebhookConfigResult =
  | { outcome: 'saved'; revision: number }
  | { outcome: 'changed-elsewhere'; current: { revision: number; values: WebhookConfigValues } };

export interface RotateWebhookSecretRequest {
  projectId: string;
}

/** The new secret, shown once: it cannot be read back later. */
export interface RotateWebhookSecretResult {
  secret: string;
}

export interface RetryWebhookDeliveryRequest {
  eventId: string;
}

export interface RetryWebhookDeliveryResult {
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
}

export interface CreateAccountRequest {
  displayName: string;
  email: string;
  role: Role;
}

export interface CreateAccountResult {
  uid: string;
  email: string;
  /** Firebase's password-reset link: the person sets a password through it (the desk sends no mail). */
  passwordLink: string;
}

export interface SetAccountDisabledRequest {
  uid: string;
  disabled: boolean;
}

export type SetAccountDisabledResult = SetAccountDisabledRequest;

export interface RecordSignInResult {
  /** ISO time of the account's last sign-in as Firebase Auth knows it, or null. */
  lastSignInAt: string | null;
}

/** Members one specialist group may hold (the rules held this bound before groups moved to functions). */
export const GROUP_MEMBERS_MAX = 200;

/** Creates a group (revision null; the app picks a fresh id, so a retry cannot make two) or saves one. */
export interface SaveGroupRequest {
  groupId: string;
  /** The revision the form loaded; null when creating. */
  revision: number | null;
  name: string;
  specialistIds: string[];
}

export interface SaveGroupResult {
  groupId: string;
  revision: number;
}

export interface DeleteGroupRequest {
  groupId: string;
  revision: number;
}

/** HttpsError details of an `aborted` save: what another admin saved meanwhile. */
export interface GroupConflictDetails {
  current: { revision: number; name: string; specialistIds: string[] } | null;
}

/** Creates a project (revision null; the app picks a fresh id) or saves its name, description and archived flag. */
export interface SaveProjectRequest {
  projectId: string;
  revision: number | null;
  name: string;
  description: string;
  archived: boolean;
}

export interface SaveProjectResult {
  projectId: string;
  revision: number;
}

/** HttpsError details of an `aborted` project save: what another admin saved meanwhile. */
export interface ProjectConflictDetails {
  current: { revision: number; name: string; description: string; archived: boolean } | null;
}

/** Members one call may add or remove (a transaction writes each one). */
export const MEMBERS_PER_CALL_MAX = 200;

/** Adds and removes members of one project at once; adding a member already there, or removing one who is not, changes nothing. */
export interface SetProjectMembersRequest {
  projectId: string;
  add: string[];
  remove: string[];
}

export interface SetProjectMembersResult {
  added: string[];
  removed: string[];
}

/** The CSV as the admin chose it; the callable parses and checks it again (shared/accountImport.ts). */
export interface ImportAccountsRequest {
  csv: string;
}

export const IMPORT_CSV_MAX_CHARS = 100_000;

export interface ImportAccountsResult {
  created: CreateAccountResult[];
}

/** HttpsError details of a refused import: every problem, by line. */
export interface ImportProblemsDetails {
  problems: { line: number; message: string }[];
}
