// settings/chat and settings/chatMessages: the General and Messages-and-shortcuts tabs.
import type { Time } from './time';

export interface ChatSettingsDoc {
  enabled: boolean;
  general: GeneralSettings;
  revision: number;
  updatedAt: Time;
  updatedBy: string;
}

export interface GeneralSettings {
  maxConversationsPerSpecialist: number;
  queueWaitSeconds: number;
  inactivityWarningSeconds: number;
  inactivityCloseSeconds: number;
  ratingEnabled: boolean;
  showSpecialistName: boolean;
  firstResponseTargetSeconds: number;
}

export type SystemMessageKey =
  | 'welcome'
  | 'queued'
  | 'specialistJoined'
  | 'transferred'
  | 'queuedForLevel2'
  | 'nobodyAvailable'
  | 'offlineReceived'
  | 'closed'
  | 'ratingRequest'
  | 'inactivityWarning';

export interface Shortcut {
  key: string;
  text: string;
}

export interface ChatMessagesDoc {
  messages: Record<SystemMessageKey, string>;
  shortcuts: Shortcut[];
  revision: number;
  updatedAt: Time;
  updatedBy: string;
}
