// Validation of what admins edit. The admin forms show these messages inline;
// firestore.rules enforce the same ranges, so a bypassed form still fails.
import { z } from 'zod';
import { LIMITS } from './catalogue';
import type { CaseConfigDoc, CaseTemplateDoc, GeneralSettings, Shortcut, SystemMessageKey } from './model';
import { MESSAGE_VARIABLES, SYSTEM_MESSAGE_KEYS } from './settings';
import { unknownVariables } from './templates';

/** Ranges shared with firestore.rules (keep them in step; the rules tests check the edges). */
export const GENERAL_RANGES = {
  maxConversationsPerSpecialist: { min: 1, max: 20, unit: 'conversations' },
  queueWaitSeconds: { min: 10, max: 3600, unit: 'seconds' },
  inactivityWarningSeconds: { min: 30, max: 7200, unit: 'seconds' },
  inactivityCloseSeconds: { min: 60, max: 86400, unit: 'seconds' },
  firstResponseTargetSeconds: { min: 5, max: 3600, unit: 'seconds' },
} as const satisfies Partial<Record<keyof GeneralSettings, { min: number; max: number; unit: string }>>;

const ranged = (key: keyof typeof GENERAL_RANGES) => {
  const { min, max, unit } = GENERAL_RANGES[key];
  return z
    .number({ error: 'Enter a whole number.' })
    .int('Enter a whole number.')
    .min(min, `At least ${min} ${unit}.`)
    .max(max, `At most ${max} ${unit}.`);
};

export const generalSettingsSchema = z
  .strictObject({
    maxConversationsPerSpecialist: ranged('maxConversationsPerSpecialist'),
    queueWaitSeconds: ranged('queueWaitSeconds'),
    inactivityWarningSeconds: ranged('inactivityWarningSeconds'),
    inactivityCloseSeconds: ranged('inactivityCloseSeconds'),
    ratingEnabled: z.boolean(),
    showSpecialistName: z.boolean(),
    firstResponseTargetSeconds: ranged('firstResponseTargetSeconds'),
  })
  .refine((s) => s.inactivityCloseSeconds > s.inactivityWarningSeconds, {
    path: ['inactivityCloseSeconds'],
    message: 'Auto-close must come after the inactivity warning.',
  });

/** Which variables each system message may use: only values known when it is sent. */
export const MESSAGE_VARIABLES_BY_KEY: Record<SystemMessageKey, readonly (typeof MESSAGE_VARIABLES)[number][]> = {
  welcome: ['userName', 'projectName'],
  queued: ['userName', 'projectName', 'position'],
  specialistJoined: ['userName', 'projectName', 'specialistName'],
  transferred: ['userName', 'projectName', 'specialistName'],
  queuedForLevel2: ['userName', 'projectName', 'position'],
  nobodyAvailable: ['userName', 'projectName'],
  offlineReceived: ['userName', 'projectName', 'caseNumber'],
  closed: ['userName', 'projectName', 'specialistName'],
  ratingRequest: ['userName', 'projectName', 'specialistName'],
  inactivityWarning: ['userName', 'projectName', 'specialistName'],
};

/** Shortcuts are filled while a specialist chats, so these are the values on hand. */
export const SHORTCUT_VARIABLES = ['userName', 'specialistName', 'projectName'] as const;

export const SHORTCUT_KEY = /^[a-z0-9][a-z0-9_-]*$/;

export type FieldErrors = Record<string, string>;

const variablesError = (text: string, allowed: readonly string[]) => {
  const unknown = unknownVariables(text, allowed);
  if (unknown.length === 0) return null;
  const list = unknown.map((v) => `{${v}}`).join(', ');
  return `Unknown variable ${list}. Allowed here: ${allowed.map((v) => `{${v}}`).join(', ') || 'none'}.`;
};

export function validateGeneral(input: unknown): { value?: GeneralSettings; errors: FieldErrors } {
  const parsed = generalSettingsSchema.safeParse(input);
  if (parsed.success) return { value: parsed.data, errors: {} };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
  return { errors };
}

export function validateMessages(messages: Record<SystemMessageKey, string>): FieldErrors {
  const errors: FieldErrors = {};
  for (const key of SYSTEM_MESSAGE_KEYS) {
    const text = (messages[key] ?? '').trim();
    if (!text) errors[key] = 'This message cannot be empty.';
    else if (text.length > LIMITS.systemMessageText) errors[key] = `At most ${LIMITS.systemMessageText} characters.`;
    else {
      const problem = variablesError(text, MESSAGE_VARIABLES_BY_KEY[key]);
      if (problem) errors[key] = problem;
    }
  }
  return errors;
}

/** Errors keyed `shortcuts.<index>.key|text`. Keys are unique, case-insensitively. */
export function validateShortcuts(shortcuts: Shortcut[]): FieldErrors {
  const errors: FieldErrors = {};
  if (shortcuts.length > LIMITS.shortcuts) errors.shortcuts = `At most ${LIMITS.shortcuts} shortcuts.`;
  const seen = new Map<string, number>();
  shortcuts.forEach((shortcut, index) => {
    const key = shortcut.key.trim().toLowerCase();
    if (!SHORTCUT_KEY.test(key) || key.length > LIMITS.shortcutKey) {
      errors[`shortcuts.${index}.key`] =
        `Use 1-${LIMITS.shortcutKey} lowercase letters, digits, - or _ (typed as /key), starting with a letter or digit.`;
    } else if (seen.has(key)) {
      errors[`shortcuts.${index}.key`] = `/${key} is already used by shortcut ${seen.get(key)! + 1}.`;
    } else seen.set(key, index);
    const text = shortcut.text.trim();
    if (!text) errors[`shortcuts.${index}.text`] = 'The shortcut text cannot be empty.';
    else if (text.length > LIMITS.shortcutText)
      errors[`shortcuts.${index}.text`] = `At most ${LIMITS.shortcutText} characters.`;
    else {
      const problem = variablesError(text, SHORTCUT_VARIABLES);
      if (problem) errors[`shortcuts.${index}.text`] = problem;
    }
  });
  return errors;
}

/** Why a template cannot be used for chat cases, or null when it can. */
export function templateRefusal(template: Pick<CaseTemplateDoc, 'name' | 'fields'>): string | null {
  const mandatory = template.fields.filter((f) => f.mandatory).map((f) => f.label);
  if (mandatory.length === 0) return null;
  return `${template.name} has mandatory fields (${mandatory.join(', ')}); chat cases can only use templates without mandatory fields.`;
}

export const CASE_SUBJECT_VARIABLES = ['firstLine', 'userName', 'projectName'] as const;

export function validateCaseConfig(
  config: Pick<CaseConfigDoc, 'templateId' | 'defaults' | 'subjectPattern'>,
  templates: Record<string, Pick<CaseTemplateDoc, 'name' | 'fields'>>,
): FieldErrors {
  const errors: FieldErrors = {};
  const template = templates[config.templateId];
  if (!config.templateId) errors.templateId = 'Choose a case template.';
  else if (!template) errors.templateId = 'This template no longer exists; choose another.';
  else {
    const refusal = templateRefusal(template);
    if (refusal) errors.templateId = refusal;
  }
  for (const key of ['type', 'category', 'service', 'group'] as const) {
    const value = config.defaults[key]?.trim() ?? '';
    if (!value) errors[`defaults.${key}`] = 'Required.';
    else if (value.length > 120) errors[`defaults.${key}`] = 'At most 120 characters.';
  }
  if (!['low', 'medium', 'high', 'critical'].includes(config.defaults.priority)) {
    errors['defaults.priority'] = 'Choose a priority.';
  }
  const subject = config.subjectPattern.trim();
  if (!subject) errors.subjectPattern = 'Enter a subject pattern, e.g. Chat: {firstLine}.';
  else if (subject.length > 200) errors.subjectPattern = 'At most 200 characters.';
  else {
    const problem = variablesError(subject, CASE_SUBJECT_VARIABLES);
    if (problem) errors.subjectPattern = problem;
  }
  return errors;
}
