// Trigger: each case write that the organization's service desk follows (a new
// case; a change of status, assignee or revision) becomes one delivery document.
// Case creation never waits for the desk: this runs after the case is
// committed, and the sending is the delivery's own trigger.
import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { COLLECTIONS } from '../shared/catalogue';
import type { StoredCase } from './caseEvents';
import { enqueueCaseEvent } from './enqueue.io';

export const onCaseWritten = onDocumentWritten(
  { document: `${COLLECTIONS.cases}/{caseId}`, retry: true },
  async (event) => {
    await enqueueCaseEvent(
      event.params.caseId,
      event.data?.before.data() as StoredCase | undefined,
      event.data?.after.data() as StoredCase | undefined,
    );
  },
);
