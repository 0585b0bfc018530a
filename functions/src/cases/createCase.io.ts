// Creates a chat case with the project's next case number, in one transaction.
// The case id derives from its source, so a retried trigger or a repeated call
// finds the case it already made instead of making a second one or burning a number.
import { FieldValue } from 'firebase-admin/firestore';
import { db } from '../platform/admin';
import { caseIdFor, paths } from '../shared/catalogue';
import type { CaseConfigDoc, CaseDoc, CaseHistoryDoc, CaseTemplateDoc, ProjectDoc } from '../shared/model';
import { draftCase, type CaseSource } from './caseDraft';

/** The project's configuration cannot make this case; the message says what an admin must fix. */
export class CaseRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaseRefusedError';
  }
}

export interface CreateCaseInput {
  source: CaseSource;
  /** The offline message id or the conversation id. */
  sourceId: string;
  projectId: string;
  requester: { id: string; name: string };
  /** Uid of the specialist converting, or SYSTEM_CREATOR for automatic cases. */
  createdBy: string;
  /** The creator's name for the case history (chat itself for SYSTEM_CREATOR). */
  createdByName: string;
  /** The originating conversation (an offline message's id is its conversation's). */
  conversationId: string | null;
}

export interface CreatedCase {
  caseId: string;
  number: number;
  /** False when the case already existed (a retry or a repeated request). */
  created: boolean;
}

export const SYSTEM_CREATOR = 'system';
export const SYSTEM_CREATOR_NAME = 'Live chat';

/** A hot counter: several chats of one project may ask for numbers at once. */
const MAX_ATTEMPTS = 10;

const counterValue = (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;

export async function createCase(input: CreateCaseInput): Promise<CreatedCase> {
  const { source, projectId } = input;
  const caseId = caseIdFor(source.circumstance, input.sourceId);
  const caseRef = db.doc(paths.case(caseId));
  const projectRef = db.doc(paths.project(projectId));
  const configRef = db.doc(paths.caseConfig(projectId, source.circumstance));

  return db.runTransaction(
    async (tx) => {
      const [existing, project, config] = await Promise.all([tx.get(caseRef), tx.get(projectRef), tx.get(configRef)]);
      if (existing.exists) return { caseId, number: (existing.data() as CaseDoc).number, created: false };
      if (!project.exists)
        throw new CaseRefusedError(`Project ${projectId} no longer exists, so no case can be created.`);

      const projectDoc = project.data() as ProjectDoc;
      const configDoc = config.exists ? (config.data() as CaseConfigDoc) : null;
      const template = configDoc?.templateId ? await tx.get(db.doc(paths.caseTemplate(configDoc.templateId))) : null;
      const result = draftCase({
        source,
        projectId,
        projectName: projectDoc.name,
        requesterName: input.requester.name,
        config: configDoc,
        template: template?.exists ? (template.data() as CaseTemplateDoc) : null,
      });
      if (!result.ok) throw new CaseRefusedError(result.refusal);

      const number = counterValue(projectDoc.lastCaseNumber) + 1;
      const now = FieldValue.serverTimestamp();
      const caseDoc: Omit<CaseDoc, 'createdAt' | 'updatedAt'> & { createdAt: FieldValue; updatedAt: FieldValue } = {
        ...result.draft,
        projectId,
        number,
        circumstance: source.circumstance,
        sourceId: input.sourceId,
        requesterId: input.requester.id,
        requesterName: input.requester.name,
        createdAt: now,
        createdBy: input.createdBy,
        status: 'new',
        assigneeId: null,
        assigneeName: null,
        updatedAt: now,
        revision: 0,
        conversationId: input.conversationId,
      };
      // Revision 0 of the audit trail, in the same transaction: no case exists without it.
      const created: Omit<CaseHistoryDoc, 'at'> & { at: FieldValue } = {
        revision: 0,
        kind: 'created',
        at: now,
        actorId: input.createdBy,
        actorName: input.createdByName,
        actorRole: input.createdBy === SYSTEM_CREATOR ? 'system' : 'specialist',
        status: { from: null, to: 'new' },
        assignee: null,
        comment: null,
        visibility: 'all',
        requestId: null,
      };
      tx.update(projectRef, { lastCaseNumber: number });
      tx.create(caseRef, caseDoc);
      tx.create(db.doc(paths.caseHistory(caseId, 0)), created);
      return { caseId, number, created: true };
    },
    { maxAttempts: MAX_ATTEMPTS },
  );
}
