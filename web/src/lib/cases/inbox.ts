// What the case inbox asks for and how cases and their history read on screen.
// Pure: caseReads.ts turns a filter into a query; the pages render these words.
import type { CaseCircumstance, CaseStatus } from '$shared/catalogue';
import { CASE_STATUS_LABEL } from '$shared/caseFlow';
import type { CaseHistoryDoc } from '$shared/model';

export type AssigneeFilter = 'any' | 'me' | 'unassigned';

export interface InboxFilter {
  status: CaseStatus | 'any';
  origin: CaseCircumstance | 'any';
  assignee: AssigneeFilter;
}

export const ANY_CASE: InboxFilter = { status: 'any', origin: 'any', assignee: 'any' };

export const ORIGIN_LABEL: Readonly<Record<CaseCircumstance, string>> = {
  offline: 'Offline message',
  conversion: 'Converted chat',
};

/** What a search box asks: a case number (`12`, `#12`), a subject prefix, or nothing. */
export type CaseSearch = { kind: 'number'; number: number } | { kind: 'subject'; prefix: string } | null;

export const SEARCH_PREFIX_MAX = 200;

export function parseCaseSearch(text: string): CaseSearch {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const number = /^#?\s*(\d{1,9})$/.exec(trimmed);
  if (number) return { kind: 'number', number: Number(number[1]) };
  return { kind: 'subject', prefix: trimmed.slice(0, SEARCH_PREFIX_MAX) };
}

/** Who sees a history entry being described: staff see assignments and internal comments. */
export type HistoryAudience = 'staff' | 'requester';

/** One entry as sentences, e.g. ["Status: New → In progress", "Assigned to Sam"]. */
export function historyChanges(
  entry: Pick<CaseHistoryDoc, 'kind' | 'status' | 'assignee'>,
  audience: HistoryAudience,
): string[] {
  if (entry.kind === 'created') return ['Case created'];
  const lines: string[] = [];
  if (entry.status) {
    const from = entry.status.from ? CASE_STATUS_LABEL[entry.status.from] : 'none';
    lines.push(`Status: ${from} → ${CASE_STATUS_LABEL[entry.status.to]}`);
  }
  // Who works on a case is the desk's business; the requester follows its status.
  if (entry.assignee && audience === 'staff') {
    lines.push(entry.assignee.toId ? `Assigned to ${entry.assignee.toName ?? entry.assignee.toId}` : 'Unassigned');
  }
  return lines;
}

/** Whether the requester's trail shows an entry: its creation, a status change or a comment to them. */
export function shownToRequester(entry: Pick<CaseHistoryDoc, 'kind' | 'status' | 'comment' | 'visibility'>): boolean {
  if (entry.visibility !== 'all') return false;
  return entry.kind === 'created' || entry.status !== null || entry.comment !== null;
}
