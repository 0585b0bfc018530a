// The audit trail of admin changes: who changed what, from what to what, when.
import type { Time } from './time';

export const AUDIT_ACTIONS = [
  'account.created',
  'account.role',
  'account.disabled',
  'account.enabled',
  'group.created',
  'group.changed',
  'group.deleted',
  'project.created',
  'project.changed',
  'project.members',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditTargetKind = 'account' | 'group' | 'project';

/** A plain snapshot of the fields a change touched (strings, numbers, booleans, lists of strings). */
export type AuditValues = Record<string, string | number | boolean | null | string[]>;

/**
 * auditLog/{id}: written by functions in the same transaction or batch as the
 * change it records, so a change without its entry (or the reverse) cannot exist.
 * Admins read; no client writes.
 */
export interface AuditEntryDoc {
  at: Time;
  actorId: string;
  actorName: string;
  action: AuditAction;
  targetKind: AuditTargetKind;
  targetId: string;
  targetName: string;
  before: AuditValues | null;
  after: AuditValues | null;
}
