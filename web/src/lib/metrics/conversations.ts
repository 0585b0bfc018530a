// A specialist's conversations as the "View detail" list shows them: their own
// part of each (their engagements), grouped by the user they served. Pure.
import type { Level } from '$shared/catalogue';
import type { ConversationDoc, EngagementOutcome, RatingDoc } from '$shared/model';
import { toCsv, type Cell } from './csv';

export interface ConversationLine {
  conversationId: string;
  projectId: string;
  userId: string;
  userName: string;
  /** When their first engagement started (the conversation's creation if they had none). */
  startedMs: number;
  levels: Level[];
  /** Sum of their ended engagements; null while none has ended. */
  durationSeconds: number | null;
  /** Their first engagement's first response; null when they never answered. */
  firstResponseSeconds: number | null;
  /** How their last engagement ended. */
  outcome: EngagementOutcome | 'none';
  caseNumber: number | null;
  /** The rating, when it is theirs (a rating belongs to the last engagement's specialist). */
  score: RatingDoc['score'] | null;
  comment: string;
}

export const OUTCOME_TEXT: Record<ConversationLine['outcome'], string> = {
  active: 'Ongoing',
  closed: 'Closed',
  transferred: 'Transferred to level 2',
  requeued: 'Back to the queue',
  none: 'Not engaged',
};

const seconds = (fromMs: number, toMs: number) => Math.max(0, Math.round((toMs - fromMs) / 1000));

export function conversationLine(
  conversationId: string,
  conversation: ConversationDoc,
  specialistId: string,
  rating: Pick<RatingDoc, 'specialistId' | 'score' | 'comment'> | null,
): ConversationLine {
  const mine = (conversation.engagements ?? []).filter((e) => e.specialistId === specialistId);
  const first = mine[0];
  const ended = mine.filter((e) => e.endedAt);
  const levels = [...new Set(mine.map((e) => e.level))];
  const theirs = rating && rating.specialistId === specialistId ? rating : null;
  return {
    conversationId,
    projectId: conversation.projectId,
    userId: conversation.userId,
    userName: conversation.userName,
    startedMs: first?.startedAt.toMillis() ?? conversation.createdAt?.toMillis() ?? 0,
    levels,
    durationSeconds: ended.length
      ? ended.reduce((sum, e) => sum + seconds(e.startedAt.toMillis(), e.endedAt?.toMillis() ?? 0), 0)
      : null,
    firstResponseSeconds: first?.firstResponseAt
      ? seconds(first.startedAt.toMillis(), first.firstResponseAt.toMillis())
      : null,
    outcome: mine[mine.length - 1]?.outcome ?? 'none',
    caseNumber: conversation.caseNumber ?? null,
    score: theirs?.score ?? null,
    comment: theirs?.comment ?? '',
  };
}

export interface UserGroup {
  userId: string;
  userName: string;
  lines: ConversationLine[];
}

/** One group per user, newest conversation first inside and between groups. */
export function groupByUser(lines: readonly ConversationLine[]): UserGroup[] {
  const groups = new Map<string, UserGroup>();
  for (const line of [...lines].sort((a, b) => b.startedMs - a.startedMs)) {
    const group = groups.get(line.userId) ?? { userId: line.userId, userName: line.userName, lines: [] };
    group.lines.push(line);
    groups.set(line.userId, group);
  }
  return [...groups.values()];
}

type CsvColumn = readonly [header: string, value: (line: ConversationLine) => Cell];

const CSV_COLUMNS: readonly CsvColumn[] = [
  ['User', (l) => l.userName],
  ['User id', (l) => l.userId],
  ['Conversation id', (l) => l.conversationId],
  ['Project id', (l) => l.projectId],
  ['Started (UTC)', (l) => new Date(l.startedMs).toISOString()],
  ['Levels', (l) => l.levels.map((level) => `L${level}`).join(' ')],
  ['Outcome', (l) => OUTCOME_TEXT[l.outcome]],
  ['Case number', (l) => l.caseNumber],
  ['Duration (s)', (l) => l.durationSeconds],
  ['First response (s)', (l) => l.firstResponseSeconds],
  ['Rating', (l) => l.score],
  ['Comment', (l) => l.comment],
];

export function conversationsCsv(specialistName: string, lines: readonly ConversationLine[]): string {
  return toCsv(
    ['Specialist', ...CSV_COLUMNS.map(([name]) => name)],
    lines.map((line) => [specialistName, ...CSV_COLUMNS.map(([, value]) => value(line))]),
  );
}
