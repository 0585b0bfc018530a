// Personas, the base world and valid documents for the rules specs. Each factory
// returns a document the rules accept (or a seeded, function-written one); specs
// spread overrides on top to make the denied twin. Typed against the shared
// model so a changed field breaks these files, not only the rules.
import firebase from 'firebase/compat/app';
import 'firebase/compat/firestore';
import type { Level, Role } from '$shared/catalogue';
import { clientMessageId, paths } from '$shared/catalogue';
import type {
  ChatMessagesDoc,
  ChatSettingsDoc,
  ConversationDoc,
  MemberDoc,
  MessageDoc,
  OfflineMessageDoc,
  ProjectChatDoc,
  ProjectDoc,
  ProjectSpecialistDoc,
  QueueDoc,
  RatingDoc,
  Time,
  UserDoc,
} from '$shared/model';
import { DEFAULT_GENERAL_SETTINGS, DEFAULT_SHORTCUTS, DEFAULT_SYSTEM_MESSAGES } from '$shared/settings';
import { startingConversation } from '$shared/conversationStart';

type Data = firebase.firestore.DocumentData;
type FieldValue = firebase.firestore.FieldValue;

/** A document as a client writes it: every timestamp is a server-time sentinel. */
type Written<T> = {
  [K in keyof T]: T[K] extends Time ? FieldValue : T[K] extends Time | null ? FieldValue | null : T[K];
};

/** Project P is where the personas belong; Q is "somewhere else". */
export const P = 'project-p';
export const Q = 'project-q';

interface PersonaSpec {
  uid: string;
  role: Role;
  name: string;
}

export const PERSONAS = {
  /** Member of P; owns the conversations the specs seed. */
  user: { uid: 'ana', role: 'user', name: 'Ana' },
  /** Member of P, never the owner. */
  otherUser: { uid: 'ben', role: 'user', name: 'Ben' },
  /** Member of Q only. */
  userOfQ: { uid: 'carla', role: 'user', name: 'Carla' },
  /** Level 1 specialist of P; assigned to the seeded conversations. */
  specialist: { uid: 'sam', role: 'specialist', name: 'Sam' },
  /** Level 2 specialist of P. */
  level2: { uid: 'lia', role: 'specialist', name: 'Lia' },
  /** Level 1 specialist of Q, not of P. */
  specialistOfQ: { uid: 'quinn', role: 'specialist', name: 'Quinn' },
  admin: { uid: 'ada', role: 'admin', name: 'Ada' },
} as const satisfies Record<string, PersonaSpec>;

export type SignedInPersona = keyof typeof PERSONAS;
export type Persona = SignedInPersona | 'signedOut';

export const EVERYONE: readonly Persona[] = ['signedOut', ...(Object.keys(PERSONAS) as SignedInPersona[])];

export const uidOf = (persona: SignedInPersona): string => PERSONAS[persona].uid;
/** The uid a persona would claim as itself; signed-out callers have none. */
export const claimedUid = (persona: Persona): string => (persona === 'signedOut' ? 'anonymous' : uidOf(persona));

export const serverTime = (): FieldValue => firebase.firestore.FieldValue.serverTimestamp();
export const deleteField = (): FieldValue => firebase.firestore.FieldValue.delete();
/** An instant in the past, for documents functions wrote earlier. */
export const past = (minutesAgo = 10) => firebase.firestore.Timestamp.fromMillis(Date.now() - minutesAgo * 60_000);

export const without = (data: Data, key: string): Data => {
  const copy = { ...data };
  delete copy[key];
  return copy;
};

/** 4001 characters: one over every 4000-character text limit. */
export const tooLong = (limit: number) => 'x'.repeat(limit + 1);

// ---- settings -----------------------------------------------------------------

export function storedChatSettings(overrides: Partial<ChatSettingsDoc> = {}): ChatSettingsDoc {
  return {
    enabled: true,
    general: { ...DEFAULT_GENERAL_SETTINGS },
    revision: 1,
    updatedAt: past(60),
    updatedBy: uidOf('admin'),
    ...overrides,
  };
}

export function chatSettingsDraft(revision: number, overrides: Data = {}): Data {
  const draft: Written<ChatSettingsDoc> = {
    enabled: true,
    general: { ...DEFAULT_GENERAL_SETTINGS },
    revision,
    updatedAt: serverTime(),
    updatedBy: uidOf('admin'),
  };
  return { ...draft, ...overrides };
}

export function chatMessagesDraft(revision: number, overrides: Data = {}): Data {
  const draft: Written<ChatMessagesDoc> = {
    messages: { ...DEFAULT_SYSTEM_MESSAGES },
    shortcuts: [...DEFAULT_SHORTCUTS],
    revision,
    updatedAt: serverTime(),
    updatedBy: uidOf('admin'),
  };
  return { ...draft, ...overrides };
}

// ---- conversations --------------------------------------------------------------

export const CONVERSATION = 'conv-1';

/** As functions leave it after routing: owned by `user`, assigned to `specialist`. */
export function storedConversation(overrides: Partial<ConversationDoc> = {}): ConversationDoc {
  return {
    projectId: P,
    userId: uidOf('user'),
    userName: PERSONAS.user.name,
    status: 'assigned',
    level: 1,
    specialistId: uidOf('specialist'),
    specialistName: PERSONAS.specialist.name,
    createdAt: past(20),
    queuedAt: past(20),
    assignedAt: past(19),
    closedAt: null,
    closedBy: null,
    caseId: null,
    caseNumber: null,
    ticket: null,
    engagements: [
      {
        specialistId: uidOf('specialist'),
        shownName: PERSONAS.specialist.name,
        level: 1,
        startedAt: past(19),
        endedAt: null,
        firstResponseAt: past(18),
        outcome: 'active',
        convertedToCase: false,
      },
    ],
    inactivityWarnedAt: null,
    ...overrides,
  };
}

/** Waiting in the queue of P at `level`, nobody assigned yet. */
export function queuedConversation(level: 1 | 2 = 1): ConversationDoc {
  return storedConversation({
    status: 'queued',
    level,
    specialistId: null,
    specialistName: null,
    assignedAt: null,
    ticket: 0,
    engagements: [],
  });
}

/** What `user` writes to start a chat in P. */
export function newConversation(overrides: Data = {}): Data {
  const draft = startingConversation({ projectId: P, userId: uidOf('user'), userName: PERSONAS.user.name }, serverTime);
  return { ...draft, ...overrides };
}

export function storedMessage(overrides: Partial<MessageDoc> = {}): MessageDoc {
  return {
    authorId: uidOf('user'),
    authorRole: 'user',
    kind: 'text',
    visibility: 'all',
    text: 'My printer is on fire.',
    createdAt: past(5),
    ...overrides,
  };
}

/** The id of `persona`'s n-th message in a conversation. */
export const messageId = (persona: SignedInPersona, sequence: number) => clientMessageId(uidOf(persona), sequence);

/** A text message `author` writes as themself. */
export function newMessage(author: 'user' | 'specialist', overrides: Data = {}): Data {
  const draft: Written<MessageDoc> = {
    authorId: uidOf(author),
    authorRole: author,
    kind: 'text',
    visibility: 'all',
    text: author === 'user' ? 'Still waiting.' : 'Let me check.',
    createdAt: serverTime(),
  };
  return { ...draft, ...overrides };
}

// ---- offline messages and ratings -----------------------------------------------

/** The user's chat slot in P as it stands while CONVERSATION is their open conversation. */
export function storedProjectChat(overrides: Partial<ProjectChatDoc> = {}): ProjectChatDoc {
  return { conversationId: CONVERSATION, startedAt: past(20), offlineMessageAt: null, ...overrides };
}

/** Queued in P's Level 1 line: with nobody on duty, the moment the user is offered to leave a message. */
export function offeredConversation(overrides: Partial<ConversationDoc> = {}): ConversationDoc {
  return { ...queuedConversation(1), ...overrides };
}

/** P's Level 1 line as routing leaves it with one conversation (ticket 0) waiting. */
export function storedLine(overrides: Partial<QueueDoc> = {}): QueueDoc {
  return {
    projectId: P,
    level: 1,
    head: 0,
    gone: [],
    nobodyAvailable: true,
    updatedAt: past(1),
    ...overrides,
  };
}

/** The offline message `user` leaves from CONVERSATION (its id is the conversation's). */
export function newOfflineMessage(overrides: Data = {}): Data {
  const draft: Written<OfflineMessageDoc> = {
    projectId: P,
    userId: uidOf('user'),
    userName: PERSONAS.user.name,
    text: 'Please call me back about invoice 42.',
    createdAt: serverTime(),
    caseId: null,
    caseNumber: null,
  };
  return { ...draft, ...overrides };
}

export function newRating(overrides: Data = {}): Data {
  const draft: Written<RatingDoc> = {
    conversationId: CONVERSATION,
    projectId: P,
    userId: uidOf('user'),
    specialistId: uidOf('specialist'),
    score: 5,
    comment: 'Quick and kind.',
    createdAt: serverTime(),
  };
  return { ...draft, ...overrides };
}

// ---- the base world ----------------------------------------------------------------

/** Chat on, the personas' user documents, projects P and Q with their people. */
export function baseWorld(): Record<string, Data> {
  const world: Record<string, Data> = {
    [paths.chatSettings()]: storedChatSettings(),
    [paths.chatMessages()]: {
      messages: { ...DEFAULT_SYSTEM_MESSAGES },
      shortcuts: [...DEFAULT_SHORTCUTS],
      revision: 1,
      updatedAt: past(60),
      updatedBy: uidOf('admin'),
    } satisfies ChatMessagesDoc,
    [paths.project(P)]: { name: 'Printers', description: 'Office printers', lastCaseNumber: 0 } satisfies ProjectDoc,
    [paths.project(Q)]: { name: 'Payroll', description: 'Salaries', lastCaseNumber: 0 } satisfies ProjectDoc,
  };
  for (const persona of Object.values(PERSONAS)) {
    const user: UserDoc = { displayName: persona.name, email: `${persona.uid}@example.com`, role: persona.role };
    world[paths.user(persona.uid)] = user;
  }
  const member = (persona: SignedInPersona): MemberDoc => ({
    uid: uidOf(persona),
    displayName: PERSONAS[persona].name,
    addedAt: past(120),
  });
  world[paths.member(P, uidOf('user'))] = member('user');
  world[paths.member(P, uidOf('otherUser'))] = member('otherUser');
  world[paths.member(Q, uidOf('userOfQ'))] = member('userOfQ');
  const specialist = (persona: SignedInPersona, level: Level): ProjectSpecialistDoc => ({
    uid: uidOf(persona),
    displayName: PERSONAS[persona].name,
    level,
    addedAt: past(120),
    addedBy: uidOf('admin'),
  });
  world[paths.projectSpecialist(P, uidOf('specialist'))] = specialist('specialist', 1);
  world[paths.projectSpecialist(P, uidOf('level2'))] = specialist('level2', 2);
  world[paths.projectSpecialist(Q, uidOf('specialistOfQ'))] = specialist('specialistOfQ', 1);
  return world;
}
