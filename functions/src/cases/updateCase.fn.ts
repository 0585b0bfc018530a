// Callable: staff move a case along its flow (shared/caseFlow.ts), assign or
// unassign it, or comment on it. An admin, or a specialist of the case's
// project. One transaction re-reads the case, checks the revision the caller saw
// (two people at once: the second gets a conflict, not a silent overwrite), and
// writes the change with its history entry, so the trail never misses a change.
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { Timestamp, type Transaction } from 'firebase-admin/firestore';
import { db } from '../platform/admin';
import { guarded, parsePayload, requireRole, type Caller } from '../platform/callable';
import type { UpdateCaseRequest, UpdateCaseResult } from '../shared/callables';
import { caseState } from '../shared/caseFlow';
import { paths } from '../shared/catalogue';
import type { CaseDoc, CaseHistoryDoc, ProjectSpecialistDoc, UserDoc } from '../shared/model';
import { decideCaseChange, updateCaseSchema } from './caseUpdate';

const read = async <T>(tx: Transaction, path: string) => (await tx.get(db.doc(path))).data() as T | undefined;

/**
 * The name of an account the case may be assigned to: a specialist of the
 * project whose account is enabled, or the calling admin themself.
 */
async function assigneeNameIn(tx: Transaction, projectId: string, assigneeId: string, caller: Caller) {
  const [service, account] = await Promise.all([
    read<ProjectSpecialistDoc>(tx, paths.projectSpecialist(projectId, assigneeId)),
    read<UserDoc>(tx, paths.user(assigneeId)),
  ]);
  const enabled = account !== undefined && account.disabled !== true;
  if (service && enabled && account.role === 'specialist') return service.displayName || account.displayName;
  if (assigneeId === caller.uid && caller.role === 'admin' && enabled) return account.displayName || caller.uid;
  throw new HttpsError(
    'failed-precondition',
    'A case can only be assigned to a specialist of its project (or to yourself as an admin).',
  );
}

async function updateIn(tx: Transaction, caller: Caller, request: UpdateCaseRequest): Promise<UpdateCaseResult> {
  const stored = await read<CaseDoc>(tx, paths.case(request.caseId));
  if (!stored) throw new HttpsError('not-found', `There is no case ${request.caseId}.`);
  const [service, account, nextEntry] = await Promise.all([
    caller.role === 'specialist'
      ? read<ProjectSpecialistDoc>(tx, paths.projectSpecialist(stored.projectId, caller.uid))
      : Promise.resolve(undefined),
    read<UserDoc>(tx, paths.user(caller.uid)),
    read<CaseHistoryDoc>(tx, paths.caseHistory(request.caseId, request.expectedRevision + 1)),
  ]);
  if (caller.role === 'specialist' && !service) {
    throw new HttpsError('permission-denied', `Case #${stored.number} belongs to a project you do not serve.`);
  }
  const current = caseState(stored);
  const wantsAssignee = typeof request.assigneeId === 'string' && request.assigneeId !== current.assigneeId;
  const change = decideCaseChange({
    number: stored.number,
    current,
    request,
    actor: {
      uid: caller.uid,
      name: account?.displayName || caller.uid,
      role: caller.role === 'admin' ? 'admin' : 'specialist',
    },
    assigneeName: wantsAssignee ? await assigneeNameIn(tx, stored.projectId, request.assigneeId!, caller) : null,
    nextEntry: nextEntry ?? null,
    at: Timestamp.now(),
  });
  if (change.action === 'refuse') throw new HttpsError(change.code, change.message);
  if (change.action === 'replay') return change.result;
  tx.update(db.doc(paths.case(request.caseId)), {
    ...change.patch,
    // A case from before the inbox gains the field it lacked.
    ...(stored.conversationId === undefined ? { conversationId: current.conversationId } : {}),
  });
  tx.create(db.doc(paths.caseHistory(request.caseId, change.entry.revision)), change.entry);
  return change.result;
}

export const updateCase = onCall(async (request): Promise<UpdateCaseResult> => {
  const caller = await requireRole(request, 'admin', 'specialist');
  const input = parsePayload(updateCaseSchema, request.data);
  return guarded('updateCase', () => db.runTransaction((tx) => updateIn(tx, caller, input)));
});
