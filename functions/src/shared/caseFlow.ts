// How a case moves: new → in progress → resolved, and a resolved case reopens to
// in progress. Both the updateCase callable and the case page's buttons ask here,
// so the buttons offer exactly what the function accepts. Also reads a case
// written before the inbox existed as if it had the inbox's fields.
import type { CaseStatus } from './catalogue';
import type { CaseDoc, Time } from './model';

export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  new: ['in_progress'],
  in_progress: ['resolved'],
  resolved: ['in_progress'],
};

export const CASE_STATUS_LABEL: Readonly<Record<CaseStatus, string>> = {
  new: 'New',
  in_progress: 'In progress',
  resolved: 'Resolved',
};

export function canMoveCase(from: CaseStatus, to: CaseStatus): boolean {
  return CASE_TRANSITIONS[from].includes(to);
}

/** The button that moves a case from `from` to `to`. */
export function caseActionLabel(from: CaseStatus, to: CaseStatus): string {
  if (to === 'resolved') return 'Resolve';
  return from === 'resolved' ? 'Reopen' : 'Start work';
}

const isStatus = (value: unknown): value is CaseStatus =>
  value === 'new' || value === 'in_progress' || value === 'resolved';

/** The inbox fields of a case, with the defaults an older case document stands for. */
export interface CaseState {
  status: CaseStatus;
  revision: number;
  assigneeId: string | null;
  assigneeName: string | null;
  conversationId: string | null;
  updatedAt: Time | null;
}

export function caseState(doc: Partial<CaseDoc>): CaseState {
  const revision = doc.revision;
  return {
    status: isStatus(doc.status) ? doc.status : 'new',
    revision: typeof revision === 'number' && Number.isInteger(revision) && revision >= 0 ? revision : 0,
    assigneeId: typeof doc.assigneeId === 'string' ? doc.assigneeId : null,
    assigneeName: typeof doc.assigneeName === 'string' ? doc.assigneeName : null,
    // Both origins take their source id from the conversation (an offline message shares its id).
    conversationId:
      typeof doc.conversationId === 'string' || doc.conversationId === null
        ? doc.conversationId
        : typeof doc.sourceId === 'string'
          ? doc.sourceId
          : null,
    updatedAt: doc.updatedAt ?? doc.createdAt ?? null,
  };
}
