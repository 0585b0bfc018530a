// The demo help desk that `npm start` opens on: who works here, which projects
// they serve, and how chat turns into cases. Plain data so tests, docs and the
// seed script all read the same uids; `seed.ts` adds timestamps and writes it.
import type { CaseCircumstance, Level, Role } from '../../functions/src/shared/catalogue';
import type {
  CaseDefaults,
  CaseTemplateField,
  ChatMessagesDoc,
  ChatSettingsDoc,
  ProjectDoc,
} from '../../functions/src/shared/model';
import {
  DEFAULT_GENERAL_SETTINGS,
  DEFAULT_SHORTCUTS,
  DEFAULT_SYSTEM_MESSAGES,
} from '../../functions/src/shared/settings';

/**
 * One password for every demo account. Safe only because these accounts exist
 * solely in the local emulators under a `demo-` project id; never reuse it.
 */
export const DEMO_PASSWORD = 'demo-password';

export interface Account {
  uid: string;
  displayName: string;
  email: string;
  role: Role;
}
export interface SpecialistAccount extends Account {
  role: 'specialist';
  projects: { projectId: string; level: Level }[];
}
export interface UserAccount extends Account {
  role: 'user';
  projectIds: string[];
}
export interface Project extends Omit<ProjectDoc, 'lastCaseNumber'> {
  id: string;
}
export interface Group {
  id: string;
  name: string;
  specialistIds: string[];
}
export interface CaseTemplate {
  id: string;
  name: string;
  fields: CaseTemplateField[];
}
export interface CaseConfig {
  projectId: string;
  circumstance: CaseCircumstance;
  templateId: string;
  defaults: CaseDefaults;
  subjectPattern: string;
}

export const ADMIN: Account = {
  uid: 'admin-1',
  displayName: 'Alex Morgan',
  email: 'admin@helpdesk.example',
  role: 'admin',
};

export const PROJECTS: Project[] = [
  { id: 'it-support', name: 'IT Support', description: 'Laptops, accounts, network and software.' },
  { id: 'hr', name: 'HR', description: 'Payroll, leave, contracts and benefits.' },
  { id: 'facilities', name: 'Facilities', description: 'Buildings, desks, access badges and repairs.' },
];

const specialist = (
  uid: string,
  displayName: string,
  email: string,
  projects: SpecialistAccount['projects'],
): SpecialistAccount => ({ uid, displayName, email, role: 'specialist', projects });

export const SPECIALISTS: SpecialistAccount[] = [
  specialist('spec-ana', 'Ana Martins', 'ana.martins@helpdesk.example', [
    { projectId: 'it-support', level: 1 },
    { projectId: 'facilities', level: 1 },
  ]),
  specialist('spec-ben', 'Ben Okafor', 'ben.okafor@helpdesk.example', [{ projectId: 'it-support', level: 1 }]),
  specialist('spec-chloe', 'Chloé Dubois', 'chloe.dubois@helpdesk.example', [{ projectId: 'it-support', level: 2 }]),
  specialist('spec-dev', 'Dev Patel', 'dev.patel@helpdesk.example', [
    { projectId: 'it-support', level: 2 },
    { projectId: 'facilities', level: 2 },
  ]),
  specialist('spec-elena', 'Elena Rossi', 'elena.rossi@helpdesk.example', [{ projectId: 'hr', level: 1 }]),
  specialist('spec-farid', 'Farid Haddad', 'farid.haddad@helpdesk.example', [
    { projectId: 'hr', level: 1 },
    { projectId: 'it-support', level: 1 },
  ]),
  specialist('spec-grace', 'Grace Kim', 'grace.kim@helpdesk.example', [{ projectId: 'hr', level: 2 }]),
  specialist('spec-hugo', 'Hugo Lindqvist', 'hugo.lindqvist@helpdesk.example', [{ projectId: 'facilities', level: 1 }]),
];

const user = (uid: string, displayName: string, email: string, projectIds: string[]): UserAccount => ({
  uid,
  displayName,
  email,
  role: 'user',
  projectIds,
});

export const USERS: UserAccount[] = [
  user('user-luis', 'Luis Fernández', 'luis.fernandez@helpdesk.example', ['it-support', 'hr']),
  user('user-maya', 'Maya Cohen', 'maya.cohen@helpdesk.example', ['it-support']),
  user('user-noah', 'Noah Williams', 'noah.williams@helpdesk.example', ['it-support', 'facilities']),
  user('user-olivia', 'Olivia Brown', 'olivia.brown@helpdesk.example', ['hr']),
  user('user-priya', 'Priya Sharma', 'priya.sharma@helpdesk.example', ['it-support', 'hr']),
  user('user-quentin', 'Quentin Moreau', 'quentin.moreau@helpdesk.example', ['facilities']),
  user('user-rosa', 'Rosa Jiménez', 'rosa.jimenez@helpdesk.example', ['it-support']),
  user('user-sam', 'Sam Taylor', 'sam.taylor@helpdesk.example', ['hr', 'facilities']),
  user('user-tomas', 'Tomás Novak', 'tomas.novak@helpdesk.example', ['it-support']),
  user('user-uma', 'Uma Nair', 'uma.nair@helpdesk.example', ['facilities']),
  user('user-victor', 'Victor Petrov', 'victor.petrov@helpdesk.example', ['it-support', 'facilities']),
  user('user-wen', 'Wen Li', 'wen.li@helpdesk.example', ['hr']),
];

export const ACCOUNTS: Account[] = [ADMIN, ...SPECIALISTS, ...USERS];

export const GROUPS: Group[] = [
  { id: 'service-desk-l1', name: 'Service desk L1', specialistIds: ['spec-ana', 'spec-ben', 'spec-farid'] },
  { id: 'network-team', name: 'Network team', specialistIds: ['spec-chloe', 'spec-dev'] },
  { id: 'hr-partners', name: 'HR partners', specialistIds: ['spec-elena', 'spec-farid', 'spec-grace'] },
  { id: 'building-ops', name: 'Building ops', specialistIds: ['spec-hugo', 'spec-ana', 'spec-dev'] },
];

const field = (key: string, label: string, mandatory = false): CaseTemplateField => ({ key, label, mandatory });

/**
 * Chat creates cases without asking anyone to fill a form, so only templates
 * with no mandatory field may back a caseConfig; the others are here so the
 * admin screen shows why a template is refused.
 */
export const CASE_TEMPLATES: CaseTemplate[] = [
  {
    id: 'chat-incident',
    name: 'Chat incident',
    fields: [field('summary', 'Summary'), field('transcript', 'Transcript'), field('impact', 'Impact')],
  },
  {
    id: 'chat-request',
    name: 'Chat request',
    fields: [field('summary', 'Summary'), field('transcript', 'Transcript')],
  },
  {
    id: 'hardware-order',
    name: 'Hardware order',
    fields: [
      field('item', 'Item', true),
      field('costCentre', 'Cost centre', true),
      field('justification', 'Justification', true),
      field('deliveryAddress', 'Delivery address'),
    ],
  },
  {
    id: 'access-request',
    name: 'Access request',
    fields: [field('system', 'System', true), field('justification', 'Justification')],
  },
];

const SUBJECT_PATTERN = 'Chat: {firstLine}';

function config(
  projectId: string,
  circumstance: CaseCircumstance,
  templateId: string,
  defaults: Omit<CaseDefaults, 'category'>,
): CaseConfig {
  const withCategory = { ...defaults, category: 'Chat' };
  return { projectId, circumstance, templateId, defaults: withCategory, subjectPattern: SUBJECT_PATTERN };
}

/** Offline messages become requests; a conversation converted mid-chat is usually an incident. */
export const CASE_CONFIGS: CaseConfig[] = [
  config('it-support', 'offline', 'chat-request', {
    type: 'request',
    service: 'IT service desk',
    priority: 'medium',
    group: 'service-desk-l1',
  }),
  config('it-support', 'conversion', 'chat-incident', {
    type: 'incident',
    service: 'IT service desk',
    priority: 'medium',
    group: 'service-desk-l1',
  }),
  config('hr', 'offline', 'chat-request', {
    type: 'request',
    service: 'HR advice',
    priority: 'low',
    group: 'hr-partners',
  }),
  config('hr', 'conversion', 'chat-request', {
    type: 'request',
    service: 'HR advice',
    priority: 'medium',
    group: 'hr-partners',
  }),
  config('facilities', 'offline', 'chat-request', {
    type: 'request',
    service: 'Building services',
    priority: 'low',
    group: 'building-ops',
  }),
  config('facilities', 'conversion', 'chat-incident', {
    type: 'incident',
    service: 'Building services',
    priority: 'high',
    group: 'building-ops',
  }),
];

export const CHAT_SETTINGS: Omit<ChatSettingsDoc, 'updatedAt'> = {
  enabled: true,
  general: DEFAULT_GENERAL_SETTINGS,
  revision: 1,
  updatedBy: ADMIN.uid,
};

export const CHAT_MESSAGES: Omit<ChatMessagesDoc, 'updatedAt'> = {
  messages: DEFAULT_SYSTEM_MESSAGES,
  shortcuts: DEFAULT_SHORTCUTS,
  revision: 1,
  updatedBy: ADMIN.uid,
};

export interface DemoLogin {
  email: string;
  password: string;
  role: Role;
  /** What to try with this account. */
  note: string;
}

function login(account: Account, note: string): DemoLogin {
  return { email: account.email, password: DEMO_PASSWORD, role: account.role, note };
}

function byUid<T extends Account>(list: T[], uid: string): T {
  const found = list.find((a) => a.uid === uid);
  if (!found) throw new Error(`The demo roster has no account ${uid}.`);
  return found;
}

/** What `npm start` prints: a few accounts that together show the whole flow. */
export const DEMO_LOGINS: DemoLogin[] = [
  login(ADMIN, 'Chat settings, projects, specialists, groups, case templates and metrics.'),
  login(byUid(SPECIALISTS, 'spec-ana'), 'Level 1 in IT Support and Facilities: go available and answer chats.'),
  login(byUid(SPECIALISTS, 'spec-chloe'), 'Level 2 in IT Support: receive conversations Ana transfers.'),
  login(byUid(SPECIALISTS, 'spec-elena'), 'Level 1 in HR: answer HR chats, convert one to a case.'),
  login(byUid(USERS, 'user-luis'), 'Member of IT Support and HR: start a chat, rate it when it closes.'),
  login(byUid(USERS, 'user-olivia'), 'Member of HR: with nobody available, leave an offline message.'),
];
