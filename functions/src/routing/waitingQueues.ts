// Which queues have users waiting. The minute sweep routes each of them (a
// safety net for missed events), and so does a capacity raise.
import type { Query } from 'firebase-admin/firestore';
import { db } from '../platform/admin';
import { COLLECTIONS, type Level } from '../shared/catalogue';
import { distinctQueues, type QueueKey } from '../conversations/sweep';

/** Queued conversations looked at, two fields each: enough to find every busy queue in practice. */
const QUEUED_SCAN_LIMIT = 500;

/** Each project and level with a queued conversation, once; one project only when given. */
export async function waitingQueues(projectId?: string): Promise<QueueKey[]> {
  let query: Query = db.collection(COLLECTIONS.conversations).where('status', '==', 'queued');
  if (projectId) query = query.where('projectId', '==', projectId);
  const queued = await query.select('projectId', 'level').limit(QUEUED_SCAN_LIMIT).get();
  return distinctQueues(queued.docs.map((d) => ({ projectId: d.get('projectId') as string, level: d.get('level') as Level })));
}
