// The "Creating chat cases" form of one project and circumstance: what it edits,
// which templates it may offer, and what to warn about when the configured
// template can no longer be used. Validation itself is validateCaseConfig (shared
// with the functions that create the cases).
import type { CaseCircumstance } from '$shared/catalogue';
import type { CaseConfigDoc, CaseDefaults, CaseTemplateDoc } from '$shared/model';
import { templateRefusal } from '$shared/settingsValidation';
import { stampVersion, type Stored } from './concurrency';

export type CaseConfigValues = Pick<CaseConfigDoc, 'templateId' | 'defaults' | 'subjectPattern'>;

export const PRIORITIES: readonly CaseDefaults['priority'][] = ['low', 'medium', 'high', 'critical'];

export const CIRCUMSTANCE_TEXT: Record<CaseCircumstance, { title: string; explains: string }> = {
  offline: {
    title: 'Offline message from the user console',
    explains: 'When nobody is available, a user may leave a message; chat turns it into a case with these values.',
  },
  conversion: {
    title: 'Conversion from the specialist console',
    explains: 'A specialist may convert a conversation into a case; it is created with these values.',
  },
};

const BLANK: CaseConfigValues = {
  templateId: '',
  defaults: { type: '', category: '', service: '', priority: 'medium', group: '' },
  subjectPattern: 'Chat: {firstLine}',
};

export function storedCaseConfig(doc: Partial<CaseConfigDoc> | null | undefined): Stored<CaseConfigValues> {
  if (!doc) return { version: null, values: structuredClone(BLANK) };
  const d: Partial<CaseDefaults> = doc.defaults ?? {};
  return {
    version: stampVersion(doc.updatedAt),
    values: {
      templateId: doc.templateId ?? '',
      defaults: {
        type: d.type ?? '',
        category: d.category ?? '',
        service: d.service ?? '',
        priority: d.priority ?? 'medium',
        group: d.group ?? '',
      },
      subjectPattern: doc.subjectPattern ?? BLANK.subjectPattern,
    },
  };
}

export function cleanCaseConfig(values: CaseConfigValues): CaseConfigValues {
  const d = values.defaults;
  return {
    templateId: values.templateId,
    defaults: {
      type: d.type.trim(),
      category: d.category.trim(),
      service: d.service.trim(),
      priority: d.priority,
      group: d.group.trim(),
    },
    subjectPattern: values.subjectPattern.trim(),
  };
}

type Template = { id: string } & Pick<CaseTemplateDoc, 'name' | 'fields'>;

export interface TemplateChoice {
  id: string;
  name: string;
  /** Why chat cannot use it, or null when it can. */
  refusal: string | null;
}

/** Every template, usable ones first, each refused one with the reason it is shown disabled. */
export function templateChoices(templates: readonly Template[]): TemplateChoice[] {
  return templates
    .map((t) => ({ id: t.id, name: t.name, refusal: templateRefusal(t) }))
    .sort((a, b) => Number(a.refusal !== null) - Number(b.refusal !== null) || a.name.localeCompare(b.name));
}

/**
 * What is wrong with the template this circumstance is saved with, in words for
 * the admin, or null when it is fine (or nothing was saved yet).
 */
export function configuredTemplateProblem(
  savedTemplateId: string | null,
  templates: readonly Template[],
): string | null {
  if (!savedTemplateId) return null;
  const template = templates.find((t) => t.id === savedTemplateId);
  if (!template) {
    return `The saved template (${savedTemplateId}) no longer exists, so chat cannot create these cases. Choose another template and save.`;
  }
  const refusal = templateRefusal(template);
  if (!refusal) return null;
  return `The saved template has changed since it was chosen: ${refusal} Until you choose another template and save, chat cannot create these cases.`;
}
