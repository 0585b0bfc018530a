// Chat settings: defaults every reader falls back on. Validation lives beside
// them so the admin form, the rules tests and the functions agree.
import type { GeneralSettings, Shortcut, SystemMessageKey } from './model';

export const DEFAULT_GENERAL_SETTINGS: GeneralSettings = {
  maxConversationsPerSpecialist: 3,
  queueWaitSeconds: 120,
  inactivityWarningSeconds: 300,
  inactivityCloseSeconds: 600,
  ratingEnabled: true,
  showSpecialistName: true,
  firstResponseTargetSeconds: 60,
};

/** Variables a system message may use. Unknown variables are an error, not blank text. */
export const MESSAGE_VARIABLES = ['userName', 'specialistName', 'projectName', 'caseNumber', 'position'] as const;
export type MessageVariable = (typeof MESSAGE_VARIABLES)[number];

export const SYSTEM_MESSAGE_KEYS: readonly SystemMessageKey[] = [
  'welcome',
  'queued',
  'specialistJoined',
  'transferred',
  'queuedForLevel2',
  'nobodyAvailable',
  'offlineReceived',
  'closed',
  'ratingRequest',
  'inactivityWarning',
];

export const DEFAULT_SYSTEM_MESSAGES: Record<SystemMessageKey, string> = {
  welcome: 'Hello {userName}, welcome to the {projectName} help desk.',
  queued: 'All our specialists are busy. You are number {position} in the queue.',
  specialistJoined: '{specialistName} has joined the conversation.',
  transferred: 'Your conversation has been transferred to a level 2 specialist, {specialistName}.',
  queuedForLevel2:
    'Your conversation is waiting for a level 2 specialist. You are number {position} in line; all your messages stay here.',
  nobodyAvailable: 'Nobody is available right now. Leave us a message and we will open a case for you.',
  offlineReceived: 'Thank you {userName}. We received your message and opened case #{caseNumber}.',
  closed: 'The conversation has been closed. Thank you for contacting {projectName}.',
  ratingRequest: 'How did {specialistName} do? Please rate this conversation.',
  inactivityWarning: 'Are you still there, {userName}? This conversation will close soon if there is no reply.',
};

export const DEFAULT_SHORTCUTS: Shortcut[] = [
  { key: 'hello', text: 'Hello {userName}, I am {specialistName}. How can I help you today?' },
  { key: 'wait', text: 'Thank you for waiting, {userName}. I am looking into it now.' },
  { key: 'restart', text: 'Could you please restart the application and tell me if the problem persists?' },
  { key: 'bye', text: 'Is there anything else I can help you with? Have a nice day!' },
];
