// Chat cases, their templates and per-project configuration, and the offline
// messages that become cases.
import type { CaseCircumstance, CaseHistoryVisibility, CaseStatus } from '../catalogue';
import type { Time } from './time';

export interface CaseTemplateField {
  key: string;
  label: string;
  mandatory: boolean;
}

export interface CaseTemplateDoc {
  name: string;
  fields: CaseTemplateField[];
  updatedAt: Time;
}

export interface CaseDefaults {
  type: string;
  category: string;
  service: string;
  priority: 'low' | 'medium' | 'high' | 'critical';
  group: string;
}

export interface CaseConfigDoc {
  templateId: string;
  defaults: CaseDefaults;
  /** e.g. `Chat: {firstLine}` */
  subjectPattern: string;
  updatedAt: Time;
  updatedBy: string;
}

export interface CaseDoc {
  projectId: string;
  number: number;
  subject: string;
  templateId: string;
  defaults: CaseDefaults;
  circumstance: CaseCircumstance;
  sourceId: string;
  requesterId: string;
  requesterName: string;
  description: string;
  createdAt: Time;
  createdBy: string;
  /**
   * Functions only from here on (updateCase). Cases made before the inbox lack
   * them: readers treat a missing status as 'new', revision as 0, assignee and
   * conversation as null, updatedAt as createdAt (shared/caseFlow.ts caseState).
   */
  status: CaseStatus;
  assigneeId: string | null;
  /** The assignee's display name when assigned, for the inbox; staff screens name them from it. */
  assigneeName: string | null;
  updatedAt: Time;
  /** 0 at creation, +1 on every change; history/{revision} records each one. */
  revision: number;
  /** The originating conversation: the converted one, or the one the offline message was left from (same id). */
  conversationId: string | null;
}

/** Who changed a case: a staff account, or chat itself when it created the case. */
export type CaseActorRole = 'specialist' | 'admin' | 'system';

/**
 * cases/{caseId}/history/{revision}: one change of a case, written by functions
 * in the same transaction as the change. Revision 0 is the creation. The
 * requester reads entries with visibility 'all'; an internal comment makes the
 * whole entry 'staff'.
 */
export interface CaseHistoryDoc {
  revision: number;
  kind: 'created' | 'updated';
  at: Time;
  actorId: string;
  actorName: string;
  actorRole: CaseActorRole;
  /** Null when the status did not change. Creation records { from: null, to: 'new' }. */
  status: { from: CaseStatus | null; to: CaseStatus } | null;
  /** Null when the assignee did not change. */
  assignee: { fromId: string | null; fromName: string | null; toId: string | null; toName: string | null } | null;
  comment: string | null;
  visibility: CaseHistoryVisibility;
  /** The updateCase request that made this change, so a retry of it is recognised (null at creation). */
  requestId: string | null;
}

export interface OfflineMessageDoc {
  projectId: string;
  userId: string;
  userName: string;
  text: string;
  createdAt: Time;
  caseId: string | null;
  caseNumber: number | null;
  /**
   * Functions only, absent until the offline trigger runs: why no case could be
   * created (e.g. the configured template has mandatory fields), else null. The
   * message itself is kept either way. Optional because clients create the doc
   * without it.
   */
  caseError?: string | null;
}
