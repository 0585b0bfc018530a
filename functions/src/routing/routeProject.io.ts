// How a conversation gets its specialist. Each pass hands the OLDEST queued
// conversation of a project and level to the least busy available specialist,
// in one transaction that also re-reads their load, so arrival order holds,
// nobody exceeds the limit and no conversation gets two specialists however
// many passes run at once. Then it rewrites the waiting users' queue positions.
import { FieldPath, Timestamp, type Transaction } from 'firebase-admin/firestore';
import { db } from '../platform/admin';
import { loadSettings, type EffectiveSettings } from '../platform/settings';
import { COLLECTIONS, paths, type Level } from '../shared/catalogue';
import type { ConversationDoc, QueueDoc } from '../shared/model';
import { endEngagementIn } from '../conversations/activity.io';
import { assigned } from '../conversations/transitions';
import { SYSTEM_EVENTS } from '../shared/systemEvents';
import { takeLoad } from './load.io';
import { postSystemMessageIn, systemText } from '../conversations/systemMessages.io';
import { nameInText, shownName } from '../shared/names';
import { loadCandidatesIn } from './candidates.io';
import { withContentionRetry } from '../platform/contention';
import { pickSpecialist, someoneOnDuty } from './pickSpecialist';
import { queueUpdates } from './queue';

/** Bounds one pass; a bigger backlog is picked up by the next event or sweep. */
const MAX_ASSIGNMENTS_PER_PASS = 50;
/** Queue positions are rewritten for at most this many waiting conversations (one transaction's writes). */
const QUEUE_REFRESH_LIMIT = 400;
const TX_OPTIONS = { maxAttempts: 10 };

export interface RouteResult {
  assigned: Array<{ conversationId: string; specialistId: string }>;
  stillQueued: number;
  nobodyAvailable: boolean;
}

export const queuedConversations = (projectId: string, level: Level) =>
  db
    .collection(COLLECTIONS.conversations)
    .where('projectId', '==', projectId)
    .where('status', '==', 'queued')
    .where('level', '==', level)
    .orderBy('queuedAt')
    .orderBy(FieldPath.documentId());

/**
 * Assigns queued conversations of `projectId` at `level` while someone can take
 * them, then refreshes the queue. `nowMs` fixes the clock (the sweep passes its own).
 */
export async function routeProject(projectId: string, level: Level, nowMs?: number): Promise<RouteResult> {
  const settings = await loadSettings();
  const clock = () => nowMs ?? Date.now();
  const assigned: RouteResult['assigned'] = [];
  while (assigned.length < MAX_ASSIGNMENTS_PER_PASS) {
    const next = await withContentionRetry(() =>
      db.runTransaction((tx) => assignOldestIn(tx, projectId, level, settings, clock()), TX_OPTIONS),
    );
    if (!next) break;
    assigned.push(next);
  }
  const queue = await withContentionRetry(() =>
    db.runTransaction((tx) => refreshQueueIn(tx, projectId, level, clock()), TX_OPTIONS),
  );
  return { assigned, ...queue };
}

async function assignOldestIn(
  tx: Transaction,
  projectId: string,
  level: Level,
  settings: EffectiveSettings,
  nowMs: number,
): Promise<{ conversationId: string; specialistId: string } | null> {
  const oldest = (await tx.get(queuedConversations(projectId, level).limit(1))).docs[0];
  if (!oldest) return null;
  const candidates = await loadCandidatesIn(tx, projectId, level);
  const chosen = pickSpecialist(candidates, {
    level,
    maxConversations: settings.general.maxConversationsPerSpecialist,
    nowMs,
  });
  if (!chosen) return null;

  const conversation = oldest.data() as ConversationDoc;
  const at = Timestamp.fromMillis(nowMs);
  const shown = shownName(settings.general, chosen.displayName);
  // A queued conversation has no running engagement; end a stray one rather than refuse to route.
  const ended = await endEngagementIn(tx, oldest.id, conversation.engagements ?? [], 'requeued', at);
  const update = assigned(conversation, ended, { specialistId: chosen.uid, shownName: shown, level }, at);
  tx.update(oldest.ref, update);
  takeLoad(tx, chosen.uid, oldest.id, at);
  postSystemMessageIn(tx, {
    conversationId: oldest.id,
    eventKey: SYSTEM_EVENTS.joined(update.engagements?.length ?? 0),
    text: systemText(settings, 'specialistJoined', {
      specialistName: nameInText(shown),
      userName: conversation.userName,
    }),
  });
  return { conversationId: oldest.id, specialistId: chosen.uid };
}

async function refreshQueueIn(
  tx: Transaction,
  projectId: string,
  level: Level,
  nowMs: number,
): Promise<Omit<RouteResult, 'assigned'>> {
  const queued = await tx.get(queuedConversations(projectId, level).limit(QUEUE_REFRESH_LIMIT));
  const queueRef = db.doc(paths.queue(projectId, level));
  const queue = (await tx.get(queueRef)).data() as QueueDoc | undefined;
  const candidates = await loadCandidatesIn(tx, projectId, level);
  const nobodyAvailable = !someoneOnDuty(candidates, level, nowMs);
  // The sweep finds waiting lines through these documents, never by scanning conversations.
  if (queue?.waiting !== queued.size) {
    const doc: Omit<QueueDoc, 'updatedAt'> & { updatedAt: Timestamp } = {
      projectId,
      level,
      waiting: queued.size,
      updatedAt: Timestamp.fromMillis(nowMs),
    };
    tx.set(queueRef, doc);
  }
  const views = queued.docs.map((d) => ({
    id: d.id,
    queuePosition: (d.get('queuePosition') as number | null | undefined) ?? null,
    nobodyAvailable: d.get('nobodyAvailable') === true,
  }));
  for (const update of queueUpdates(views, nobodyAvailable)) {
    tx.update(db.doc(paths.conversation(update.id)), {
      queuePosition: update.queuePosition,
      nobodyAvailable: update.nobodyAvailable,
    });
  }
  return { stillQueued: queued.size, nobodyAvailable };
}
