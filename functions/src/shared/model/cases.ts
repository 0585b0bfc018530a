// Chat cases, their templates and per-project configuration, and the offline
// messages that become cases.
import type { CaseCircumstance } from '../catalogue';
import type { Time } from './time';

export interface CaseTemplateField {
  key: string;
  label: string;
  mandatory: boolean;
}

export interface CaseTemplateDoc {
  name: string;
  fields: CaseTemplateField[];
  updatedAt: Time;
}

export interface CaseDefaults {
  type: string;
  category: string;
  service: string;
  priority: 'low' | 'medium' | 'high' | 'critical';
  group: string;
}

export interface CaseConfigDoc {
  templateId: string;
  defaults: CaseDefaults;
  /** e.g. `Chat: {firstLine}` */
  subjectPattern: string;
  updatedAt: Time;
  updatedBy: string;
}

export interface CaseDoc {
  projectId: string;
  number: number;
  subject: string;
  templateId: string;
  defaults: CaseDefaults;
  circumstance: CaseCircumstance;
  sourceId: string;
  requesterId: string;
  requesterName: string;
  description: string;
  createdAt: Time;
  createdBy: string;
}

export interface OfflineMessageDoc {
  projectId: string;
  userId: string;
  userName: string;
  text: string;
  createdAt: Time;
  caseId: string | null;
  caseNumber: number | null;
  /**
   * Functions only, absent until the offline trigger runs: why no case could be
   * created (e.g. the configured template has mandatory fields), else null. The
   * message itself is kept either way. Optional because clients create the doc
   * without it.
   */
  caseError?: string | null;
}
