// Two weeks of closed conversations for the demo, so Admin > Metrics opens on
// real numbers. Deterministic: a fixed PRNG seed decides every story and the
// caller's reference time (the seed day) only shifts the clock, so re-seeding
// overwrites the same documents. Pure; seed.ts stamps the times and writes.
import { CONVERTED_TO_CASE_MESSAGE } from '../../functions/src/cases/conversion';
import { draftCase } from '../../functions/src/cases/caseDraft';
import { caseIdFor, type Level } from '../../functions/src/shared/catalogue';
import { nameShownToUser, shownName } from '../../functions/src/shared/names';
import { startingConversation } from '../../functions/src/shared/conversationStart';
import type {
  CaseDoc,
  CaseHistoryDoc,
  CloserRole,
  ConversationDoc,
  Engagement,
  MessageDoc,
  RatingDoc,
  Time,
} from '../../functions/src/shared/model';
import { renderTemplate } from '../../functions/src/shared/templates';
import { play, type Draft } from './historyPlay';
import { CASE_CONFIGS, CASE_TEMPLATES, CHAT_SETTINGS, PROJECTS, USERS } from './roster';

export const HISTORY_DAYS = 14;
export const HISTORY_SIZE = 40;
const PRNG_SEED = 0x5eed_2024;
const DAY_MS = 86_400_000;

export interface HistoryOptions {
  /** Start of the seed's UTC day: the history fills the HISTORY_DAYS days before it. */
  reference: number;
  /** Turns milliseconds into the SDK's timestamp. */
  stamp: (millis: number) => Time;
}

export interface HistoryConversation {
  id: string;
  data: ConversationDoc;
  messages: Array<{ id: string; data: MessageDoc }>;
}

export interface History {
  conversations: HistoryConversation[];
  ratings: Array<{ id: string; data: RatingDoc }>;
  /** Each case with revision 0 of its history (cases/{id}/history/0). */
  cases: Array<{ id: string; data: CaseDoc; created: CaseHistoryDoc }>;
  /** projectId -> number of the last case the history opened (0 when none). */
  lastCaseNumbers: Record<string, number>;
}

/** mulberry32: tiny, seedable, good enough to vary demo data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Dice {
  constructor(readonly next: () => number) {}
  chance = (p: number) => this.next() < p;
  int = (min: number, max: number) => min + Math.floor(this.next() * (max - min + 1));
  pick<T>(list: readonly T[]): T {
    const value = list[Math.floor(this.next() * list.length)];
    if (value === undefined) throw new Error('Dice.pick: empty list');
    return value;
  }
}

/** IT Support is the busy desk; weights repeat ids rather than add a weighting scheme. */
const PROJECT_DRAW = ['it-support', 'it-support', 'hr', 'facilities'] as const;

function caseFor(
  draft: Draft,
  id: string,
  number: number,
  stamp: HistoryOptions['stamp'],
  engagements: Engagement[],
): CaseDoc {
  const named = { userName: draft.user.displayName, engagements };
  const config = CASE_CONFIGS.find((c) => c.projectId === draft.projectId && c.circumstance === 'conversion');
  const template = CASE_TEMPLATES.find((t) => t.id === config?.templateId) ?? null;
  const convertedMs = draft.convertedMs ?? 0;
  const result = draftCase({
    source: {
      circumstance: 'conversion',
      messages: draft.messages
        .filter((m) => m.ms < convertedMs)
        .map((m) => ({ ...m, authorName: nameShownToUser(m, named), createdAtMillis: m.ms })),
    },
    projectId: draft.projectId,
    projectName: PROJECTS.find((p) => p.id === draft.projectId)?.name ?? draft.projectId,
    requesterName: draft.user.displayName,
    config: config ?? null,
    template,
  });
  if (!result.ok) throw new Error(`Demo history: ${result.refusal}`);
  const last = draft.engagements[draft.engagements.length - 1];
  return {
    ...result.draft,
    projectId: draft.projectId,
    number,
    circumstance: 'conversion',
    sourceId: id,
    requesterId: draft.user.uid,
    requesterName: draft.user.displayName,
    createdAt: stamp(convertedMs),
    createdBy: last?.specialist.uid ?? 'system',
    status: 'new',
    assigneeId: null,
    assigneeName: null,
    updatedAt: stamp(convertedMs),
    revision: 0,
    conversationId: id,
  };
}

/** Revision 0 of a demo case's audit trail, as createCase writes it. */
function caseCreatedEntry(data: CaseDoc, creatorName: string): CaseHistoryDoc {
  return {
    revision: 0,
    kind: 'created',
    at: data.createdAt,
    actorId: data.createdBy,
    actorName: creatorName,
    actorRole: data.createdBy === 'system' ? 'system' : 'specialist',
    status: { from: null, to: 'new' },
    assignee: null,
    comment: null,
    visibility: 'all',
    requestId: null,
  };
}

function conversationDoc(
  draft: Draft,
  caseRef: { caseId: string; number: number } | null,
  stamp: HistoryOptions['stamp'],
): ConversationDoc {
  const opener = { projectId: draft.projectId, userId: draft.user.uid, userName: draft.user.displayName };
  const engagements: Engagement[] = draft.engagements.map((e, i) => ({
    specialistId: e.specialist.uid,
    shownName: shownName(CHAT_SETTINGS.general, e.specialist.displayName),
    level: e.level,
    startedAt: stamp(e.startedMs),
    endedAt: stamp(e.endedMs),
    firstResponseAt: e.firstResponseMs === null ? null : stamp(e.firstResponseMs),
    outcome: i < draft.engagements.length - 1 ? 'transferred' : 'closed',
    convertedToCase: caseRef !== null && i === draft.engagements.length - 1,
  }));
  const last = engagements[engagements.length - 1];
  const closedBy: CloserRole = draft.closedBy;
  return {
    ...startingConversation(opener, () => stamp(draft.createdMs)),
    status: 'closed',
    level: (last?.level ?? 1) as Level,
    specialistId: last?.specialistId ?? null,
    specialistName: last?.shownName ?? null,
    assignedAt: last ? last.startedAt : null,
    closedAt: stamp(draft.closedMs),
    closedBy,
    caseId: caseRef?.caseId ?? null,
    caseNumber: caseRef?.number ?? null,
    engagements,
    // The metrics trigger adds participantIds at the first assignment; never assigned, never written.
    ...(engagements.length ? { participantIds: [...new Set(engagements.map((e) => e.specialistId))] } : {}),
  };
}

export function generateHistory({ reference, stamp }: HistoryOptions): History {
  const dice = new Dice(prng(PRNG_SEED));
  const drafts: Draft[] = [];
  for (let i = 0; i < HISTORY_SIZE; i++) {
    const projectId = dice.pick(PROJECT_DRAW);
    const user = dice.pick(USERS.filter((u) => u.projectIds.includes(projectId)));
    const dayStart = reference - dice.int(1, HISTORY_DAYS) * DAY_MS;
    const createdMs = dayStart + dice.int(8 * 3600, 17 * 3600) * 1000;
    drafts.push(play(dice, i, projectId, user, createdMs));
  }
  drafts.sort((a, b) => a.createdMs - b.createdMs);
  const ids = drafts.map((_, i) => `demo-history-${String(i + 1).padStart(2, '0')}`);

  // Case numbers follow the order the conversions happened in, per project.
  const lastCaseNumbers: Record<string, number> = Object.fromEntries(PROJECTS.map((p) => [p.id, 0]));
  const caseRefs = new Map<number, { caseId: string; number: number }>();
  const converted = drafts.map((d, i) => ({ d, i })).filter(({ d }) => d.convertedMs !== null);
  converted.sort((a, b) => (a.d.convertedMs ?? 0) - (b.d.convertedMs ?? 0));
  for (const { d, i } of converted) {
    const number = (lastCaseNumbers[d.projectId] ?? 0) + 1;
    lastCaseNumbers[d.projectId] = number;
    caseRefs.set(i, { caseId: caseIdFor('conversion', ids[i]!), number });
  }

  const history: History = { conversations: [], ratings: [], cases: [], lastCaseNumbers };
  drafts.forEach((draft, i) => {
    const id = ids[i]!;
    const caseRef = caseRefs.get(i) ?? null;
    const data = conversationDoc(draft, caseRef, stamp);
    if (caseRef) {
      const caseDoc = caseFor(draft, id, caseRef.number, stamp, data.engagements);
      const creator = draft.engagements[draft.engagements.length - 1]?.specialist.displayName ?? 'Live chat';
      history.cases.push({ id: caseRef.caseId, data: caseDoc, created: caseCreatedEntry(caseDoc, creator) });
    }
    const messages = draft.messages.map(({ id: messageId, ms, ...m }) => ({
      id: messageId === 'system-case' && caseRef ? `system-case-${caseRef.caseId}` : messageId,
      data: {
        ...m,
        text:
          messageId === 'system-case'
            ? renderTemplate(CONVERTED_TO_CASE_MESSAGE, { caseNumber: caseRef?.number })
            : m.text,
        createdAt: stamp(ms),
      },
    }));
    history.conversations.push({ id, data, messages });
    if (draft.rating && data.specialistId) {
      history.ratings.push({
        id,
        data: {
          conversationId: id,
          projectId: draft.projectId,
          userId: draft.user.uid,
          specialistId: data.specialistId,
          score: draft.rating.score,
          comment: draft.rating.comment,
          createdAt: stamp(draft.rating.ms),
        },
      });
    }
  });
  return history;
}
