// What one updateCase request does to a case: refused, recognised as a retry of
// a change already made, or applied as a patch plus its history entry. Pure:
// updateCase.fn.ts loads the case, the caller and the assignee, asks here, writes.
import { z } from 'zod';
import { CASE_COMMENT_MAX, type UpdateCaseRequest, type UpdateCaseResult } from '../shared/callables';
import { CASE_STATUSES, type CaseStatus } from '../shared/catalogue';
import { CASE_STATUS_LABEL, CASE_TRANSITIONS, canMoveCase, type CaseState } from '../shared/caseFlow';
import type { CaseActorRole, CaseHistoryDoc } from '../shared/model';

const documentId = z
  .string()
  .trim()
  .min(1)
  .max(128)
  .regex(/^[^/]+$/, 'must be a document id, without /');

export const updateCaseSchema: z.ZodType<UpdateCaseRequest> = z
  .strictObject({
    caseId: documentId,
    expectedRevision: z.number().int().min(0),
    requestId: z.string().trim().min(8).max(64),
    status: z.enum(CASE_STATUSES).optional(),
    assigneeId: documentId.nullable().optional(),
    comment: z.string().max(CASE_COMMENT_MAX).optional(),
    internal: z.boolean().optional(),
  })
  .refine((r) => r.status !== undefined || r.assigneeId !== undefined || Boolean(r.comment?.trim()), {
    message: 'Say what to change: a status, an assignee or a comment.',
  });

export type RefusalCode = 'failed-precondition' | 'aborted' | 'invalid-argument';

export interface CaseActor {
  uid: string;
  name: string;
  role: CaseActorRole;
}

export interface CaseChangeInput<T> {
  number: number;
  current: CaseState;
  request: UpdateCaseRequest;
  actor: CaseActor;
  /** The requested assignee's name when one was requested and found eligible. */
  assigneeName: string | null;
  /** history/{expectedRevision + 1}, if it exists: what the change after the one the caller saw was. */
  nextEntry: Pick<CaseHistoryDoc, 'requestId' | 'actorId'> | null;
  at: T;
}

export type CasePatch<T> = {
  status: CaseStatus;
  assigneeId: string | null;
  assigneeName: string | null;
  updatedAt: T;
  revision: number;
};

export type CaseChange<T> =
  | { action: 'refuse'; code: RefusalCode; message: string }
  | { action: 'replay'; result: UpdateCaseResult }
  | { action: 'apply'; patch: CasePatch<T>; entry: Omit<CaseHistoryDoc, 'at'> & { at: T }; result: UpdateCaseResult };

const resultOf = (state: Pick<CaseState, 'revision' | 'status' | 'assigneeId' | 'assigneeName'>, applied: boolean) => ({
  revision: state.revision,
  status: state.status,
  assigneeId: state.assigneeId,
  assigneeName: state.assigneeName,
  applied,
});

const describeState = (state: CaseState) =>
  `${CASE_STATUS_LABEL[state.status].toLowerCase()}, ${state.assigneeName ? `assigned to ${state.assigneeName}` : 'unassigned'}`;

export function decideCaseChange<T>(input: CaseChangeInput<T>): CaseChange<T> {
  const { current, request, actor, number } = input;
  // A retry finds its own change recorded right after the revision it expected.
  if (input.nextEntry && input.nextEntry.requestId === request.requestId && input.nextEntry.actorId === actor.uid) {
    return { action: 'replay', result: resultOf(current, false) };
  }
  if (current.revision !== request.expectedRevision) {
    return {
      action: 'refuse',
      code: 'aborted',
      message:
        `Someone else changed case #${number} since you opened it; it is now ${describeState(current)}. ` +
        'Look at the case again, then make your change.',
    };
  }
  const status = request.status ?? current.status;
  if (status !== current.status && !canMoveCase(current.status, status)) {
    const allowed = CASE_TRANSITIONS[current.status].map((s) => CASE_STATUS_LABEL[s].toLowerCase()).join(' or ');
    return {
      action: 'refuse',
      code: 'failed-precondition',
      message: `A ${CASE_STATUS_LABEL[current.status].toLowerCase()} case cannot become ${CASE_STATUS_LABEL[status].toLowerCase()}; it can only become ${allowed}.`,
    };
  }
  const assigneeId = request.assigneeId === undefined ? current.assigneeId : request.assigneeId;
  const assigneeChanged = assigneeId !== current.assigneeId;
  const assigneeName = assigneeChanged ? (assigneeId === null ? null : input.assigneeName) : current.assigneeName;
  const comment = request.comment?.trim() || null;
  const statusChanged = status !== current.status;
  if (!statusChanged && !assigneeChanged && comment === null) {
    return {
      action: 'refuse',
      code: 'failed-precondition',
      message: `Nothing to change: case #${number} is already ${describeState(current)}.`,
    };
  }
  const revision = current.revision + 1;
  const next = { revision, status, assigneeId, assigneeName };
  return {
    action: 'apply',
    patch: { ...next, updatedAt: input.at },
    entry: {
      revision,
      kind: 'updated',
      at: input.at,
      actorId: actor.uid,
      actorName: actor.name,
      actorRole: actor.role,
      status: statusChanged ? { from: current.status, to: status } : null,
      assignee: assigneeChanged
        ? { fromId: current.assigneeId, fromName: current.assigneeName, toId: assigneeId, toName: assigneeName }
        : null,
      comment,
      visibility: comment !== null && request.internal === true ? 'staff' : 'all',
      requestId: request.requestId,
    },
    result: resultOf(next, true),
  };
}
