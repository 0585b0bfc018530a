// The fields of a chat case, or the reason none can be made. Pure: createCase
// loads the project, configuration and template and writes what this returns.
import type { CaseCircumstance } from '../shared/catalogue';
import type { CaseConfigDoc, CaseDefaults, CaseTemplateDoc } from '../shared/model';
import { CASE_SUBJECT_VARIABLES, templateRefusal } from '../shared/settingsValidation';
import { renderTemplate, unknownVariables } from '../shared/templates';
import { firstUserText, transcriptText, type TranscriptMessage } from './transcript';

/** What the case is made from: the offline message text, or the conversation's messages. */
export type CaseSource =
  | { circumstance: Extract<CaseCircumstance, 'offline'>; text: string }
  | { circumstance: Extract<CaseCircumstance, 'conversion'>; messages: readonly TranscriptMessage[] };

export interface CaseDraftInput {
  source: CaseSource;
  projectId: string;
  projectName: string;
  requesterName: string;
  /** The project's configuration for this circumstance; null when never saved. */
  config: Pick<CaseConfigDoc, 'templateId' | 'defaults' | 'subjectPattern'> | null;
  /** The configured template; null when it does not exist (any more). */
  template: Pick<CaseTemplateDoc, 'name' | 'fields'> | null;
}

export interface CaseDraft {
  subject: string;
  templateId: string;
  defaults: CaseDefaults;
  description: string;
}

export type CaseDraftResult = { ok: true; draft: CaseDraft } | { ok: false; refusal: string };

export const FIRST_LINE_MAX = 80;
/** Keeps a very long conversation well inside Firestore's 1 MiB document limit. */
export const DESCRIPTION_MAX = 100_000;
export const DESCRIPTION_TRUNCATED = '\n[Truncated: the full conversation stays in the chat history.]';
/** Subject text when the user never wrote anything before the conversion. */
export const NO_USER_TEXT = '(no message from the user)';

const WHERE_TO_FIX = 'An admin must choose another template in Creating chat cases.';

/** Whether chat may create cases with this template (the admin screen offers only these). */
export function templateUsable(template: Pick<CaseTemplateDoc, 'name' | 'fields'>): boolean {
  return templateRefusal(template) === null;
}

/** First non-empty line, trimmed; longer than FIRST_LINE_MAX characters ends in an ellipsis. */
export function firstLine(text: string): string {
  const line =
    text
      .split(/\r?\n|\r/)
      .map((l) => l.trim())
      .find((l) => l.length > 0) ?? '';
  const chars = Array.from(line); // code points, so an emoji is never cut in half
  if (chars.length <= FIRST_LINE_MAX) return line;
  return `${chars
    .slice(0, FIRST_LINE_MAX - 1)
    .join('')
    .trimEnd()}…`;
}

const where = (input: CaseDraftInput) =>
  `${input.source.circumstance} cases in ${input.projectName || input.projectId}`;

function configRefusal(input: CaseDraftInput, config: NonNullable<CaseDraftInput['config']>): string | null {
  const { template } = input;
  if (!template) {
    return `The case template ${config.templateId || '(none)'} configured for ${where(input)} no longer exists. ${WHERE_TO_FIX}`;
  }
  const mandatory = templateRefusal(template);
  if (mandatory) return `Template ${mandatory} ${WHERE_TO_FIX}`;
  if (!config.subjectPattern.trim()) {
    return `The subject pattern for ${where(input)} is empty. An admin must enter one in Creating chat cases.`;
  }
  const unknown = unknownVariables(config.subjectPattern, CASE_SUBJECT_VARIABLES);
  if (unknown.length > 0) {
    const list = unknown.map((v) => `{${v}}`).join(', ');
    return `The subject pattern for ${where(input)} uses unknown variables (${list}). An admin must correct it in Creating chat cases.`;
  }
  return null;
}

function description(source: CaseSource): string {
  const full = source.circumstance === 'offline' ? source.text : transcriptText(source.messages);
  if (full.length <= DESCRIPTION_MAX) return full;
  return full.slice(0, DESCRIPTION_MAX - DESCRIPTION_TRUNCATED.length) + DESCRIPTION_TRUNCATED;
}

export function draftCase(input: CaseDraftInput): CaseDraftResult {
  const { config } = input;
  if (!config) {
    return {
      ok: false,
      refusal: `Chat cannot create ${where(input)}: no case configuration has been saved. An admin must set it up in Creating chat cases.`,
    };
  }
  const refusal = configRefusal(input, config);
  if (refusal) return { ok: false, refusal };
  const userText = input.source.circumstance === 'offline' ? input.source.text : firstUserText(input.source.messages);
  const subject = renderTemplate(config.subjectPattern.trim(), {
    firstLine: firstLine(userText) || NO_USER_TEXT,
    userName: input.requesterName,
    projectName: input.projectName,
  });
  return {
    ok: true,
    draft: {
      subject,
      templateId: config.templateId,
      defaults: config.defaults,
      description: description(input.source),
    },
  };
}
