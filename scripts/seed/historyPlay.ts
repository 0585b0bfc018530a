// One demo conversation told as the live functions would have recorded it:
// welcome, joined, replies, a transfer with its staff note, a conversion,
// closed and rating request, with message ids the functions use
// (system-<eventKey>, note-transfer-<n>). Times in milliseconds; history.ts stamps them.
import { clientMessageId, type Level } from '../../functions/src/shared/catalogue';
import type { CloserRole, MessageDoc, RatingDoc } from '../../functions/src/shared/model';
import { renderTemplate } from '../../functions/src/shared/templates';
import type { Dice } from './history';
import { RATING_COMMENTS, TOPICS, USER_THANKS } from './historyLines';
import { CHAT_MESSAGES, PROJECTS, SPECIALISTS, type SpecialistAccount, type UserAccount } from './roster';

export type Scenario = 'answered' | 'transferred' | 'unanswered' | 'abandoned';

/** A fixed cycle, so every scenario appears whatever the dice say. */
const SCENARIOS: Scenario[] = [
  'answered',
  'transferred',
  'answered',
  'unanswered',
  'answered',
  'answered',
  'transferred',
  'answered',
  'answered',
  'abandoned',
  'answered',
  'transferred',
  'answered',
  'answered',
  'unanswered',
  'answered',
  'answered',
  'transferred',
  'answered',
  'answered',
];

export interface DraftMessage extends Omit<MessageDoc, 'createdAt'> {
  id: string;
  ms: number;
}

export interface DraftEngagement {
  specialist: SpecialistAccount;
  level: Level;
  startedMs: number;
  endedMs: number;
  firstResponseMs: number | null;
}

export interface Draft {
  scenario: Scenario;
  projectId: string;
  user: UserAccount;
  createdMs: number;
  closedMs: number;
  closedBy: CloserRole;
  engagements: DraftEngagement[];
  /** When the last specialist converted it into a case; its message is `system-case`, renamed once numbered. */
  convertedMs: number | null;
  messages: DraftMessage[];
  rating: { score: RatingDoc['score']; comment: string; ms: number } | null;
}

export const specialistsAt = (projectId: string, level: Level) =>
  SPECIALISTS.filter((s) => s.projects.some((p) => p.projectId === projectId && p.level === level));

const seconds = (dice: Dice, min: number, max: number) => dice.int(min, max) * 1000;

export function play(dice: Dice, index: number, projectId: string, user: UserAccount, createdMs: number): Draft {
  const scenario = SCENARIOS[index % SCENARIOS.length] ?? 'answered';
  const topic = dice.pick(TOPICS[projectId] ?? []);
  const projectName = PROJECTS.find((p) => p.id === projectId)?.name ?? projectId;
  const values = { userName: user.displayName, projectName };
  const system = (key: keyof typeof CHAT_MESSAGES.messages, extra: Record<string, string | number> = {}) =>
    renderTemplate(CHAT_MESSAGES.messages[key], { ...values, ...extra });
  const messages: DraftMessage[] = [];
  const sequences = new Map<string, number>();
  // People's messages carry the ids clients write (author~sequence), as the rules demand.
  const nextId = (authorId: string) => {
    const n = (sequences.get(authorId) ?? 0) + 1;
    sequences.set(authorId, n);
    return clientMessageId(authorId, n);
  };
  const post = (m: Omit<DraftMessage, 'id'> & { id?: string }) =>
    messages.push({ ...m, id: m.id ?? nextId(m.authorId) });
  const fromSystem = (id: string, text: string, ms: number) =>
    post({ id, authorId: 'system', authorRole: 'system', kind: 'system', visibility: 'all', text, ms });
  const fromUser = (text: string, ms: number) =>
    post({ authorId: user.uid, authorRole: 'user', kind: 'text', visibility: 'all', text, ms });
  const fromSpecialist = (s: SpecialistAccount, text: string, ms: number, note = false) =>
    post({
      ...(note ? { id: 'note-transfer-2' } : {}),
      authorId: s.uid,
      authorRole: 'specialist',
      kind: note ? 'note' : 'text',
      visibility: note ? 'staff' : 'all',
      text,
      ms,
    });
  const shortcut = (key: string, s: SpecialistAccount) =>
    renderTemplate(CHAT_MESSAGES.shortcuts.find((c) => c.key === key)?.text ?? '', {
      ...values,
      specialistName: s.displayName,
    });

  fromSystem('system-welcome', system('welcome'), createdMs);
  let t = createdMs + seconds(dice, 3, 8);
  fromUser(topic.question, t);
  const engagements: DraftEngagement[] = [];
  let convertedMs: number | null = null;
  let closedBy: CloserRole = dice.chance(0.6) ? 'specialist' : 'user';

  if (scenario === 'abandoned') {
    fromSystem('system-queued', system('queued', { position: 2 }), t + 1000);
    t += seconds(dice, 90, 300);
    closedBy = 'user';
  } else {
    const first = dice.pick(specialistsAt(projectId, 1));
    t = createdMs + seconds(dice, 10, 150);
    const one: DraftEngagement = { specialist: first, level: 1, startedMs: t, endedMs: t, firstResponseMs: null };
    engagements.push(one);
    fromSystem('system-joined-1', system('specialistJoined', { specialistName: first.displayName }), t);
    if (scenario === 'unanswered') {
      t += seconds(dice, 120, 300);
      fromUser('Hello? Is anyone there?', t);
      t += seconds(dice, 60, 240);
      closedBy = 'user';
    } else {
      t += seconds(dice, 12, 140);
      one.firstResponseMs = t;
      fromSpecialist(first, shortcut('hello', first), t);
      fromSpecialist(first, topic.answer, (t += seconds(dice, 20, 90)));
      fromUser(topic.followUp, (t += seconds(dice, 30, 120)));
      let serving = first;
      if (scenario === 'transferred') {
        const second = dice.pick(specialistsAt(projectId, 2));
        t += seconds(dice, 30, 90);
        one.endedMs = t;
        fromSpecialist(first, topic.transferNote, t, true);
        fromSystem('system-transferred-2', system('transferred', { specialistName: second.displayName }), t);
        const two: DraftEngagement = { specialist: second, level: 2, startedMs: t, endedMs: t, firstResponseMs: null };
        engagements.push(two);
        t += seconds(dice, 20, 240);
        two.firstResponseMs = t;
        fromSpecialist(second, topic.levelTwoAnswer, t);
        serving = second;
      }
      if (dice.chance(0.25)) {
        convertedMs = t += seconds(dice, 20, 60);
        fromSystem('system-case', '', t);
      }
      fromUser(dice.pick(USER_THANKS), (t += seconds(dice, 20, 90)));
      fromSpecialist(serving, shortcut('bye', serving), (t += seconds(dice, 10, 40)));
      t += seconds(dice, 15, 120);
    }
  }
  const closedMs = t;
  const last = engagements[engagements.length - 1];
  if (last) last.endedMs = closedMs;
  fromSystem('system-closed', system('closed'), closedMs);
  if (last)
    fromSystem(
      'system-rating-request',
      system('ratingRequest', { specialistName: last.specialist.displayName }),
      closedMs,
    );
  return {
    scenario,
    projectId,
    user,
    createdMs,
    closedMs,
    closedBy,
    engagements,
    convertedMs,
    messages,
    rating: rate(dice, scenario, closedMs),
  };
}

const ANSWERED_SCORES: RatingDoc['score'][] = [5, 5, 5, 4, 4, 4, 4, 3, 3, 2];
const UNANSWERED_SCORES: RatingDoc['score'][] = [1, 2, 2, 3];

function rate(dice: Dice, scenario: Scenario, closedMs: number): Draft['rating'] {
  if (scenario === 'abandoned') return null;
  const unanswered = scenario === 'unanswered';
  if (!dice.chance(unanswered ? 0.5 : 0.85)) return null;
  const score = dice.pick(unanswered ? UNANSWERED_SCORES : ANSWERED_SCORES);
  const comments = unanswered ? RATING_COMMENTS.slice(-2) : RATING_COMMENTS.slice(0, 4);
  const comment = dice.chance(0.45) ? dice.pick(comments) : '';
  return { score, comment, ms: closedMs + seconds(dice, 10, 300) };
}
