// Which queues have users waiting. The minute sweep routes each of them (a
// safety net for missed events), and so does a capacity raise. Read from the
// queue documents routing keeps, so the cost is one document per waiting line
// however many conversations wait (a scan of queued conversations let one
// project's long queue hide every other project's).
import type { Query } from 'firebase-admin/firestore';
import { db } from '../platform/admin';
import { COLLECTIONS, type Level } from '../shared/catalogue';
import type { QueueKey } from '../conversations/sweep';

/** Each project and level with someone waiting; one project only when given. */
export async function waitingQueues(projectId?: string): Promise<QueueKey[]> {
  let query: Query = db.collection(COLLECTIONS.queues).where('waiting', '>', 0);
  if (projectId) query = query.where('projectId', '==', projectId);
  const queues = await query.select('projectId', 'level').get();
  return queues.docs.map((d) => ({ projectId: d.get('projectId') as string, level: d.get('level') as Level }));
}
