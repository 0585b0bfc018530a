// The case template editor: what it edits and the checks behind its inline errors.
// firestore.rules check the name and the number of fields; the field entries are
// checked here, where the admin can correct them.
import { LIMITS } from '$shared/catalogue';
import type { CaseTemplateDoc, CaseTemplateField } from '$shared/model';
import type { FieldErrors } from '$shared/settingsValidation';
import { stampVersion, type Stored } from './concurrency';

export type CaseTemplateValues = Pick<CaseTemplateDoc, 'name' | 'fields'>;

export const FIELD_KEY = /^[A-Za-z][A-Za-z0-9_]*$/;
const KEY_MAX = 64;
const TEXT_MAX = 120;

export function storedCaseTemplate(doc: Partial<CaseTemplateDoc> | null | undefined): Stored<CaseTemplateValues> {
  return {
    version: doc ? stampVersion(doc.updatedAt) : null,
    values: {
      name: doc?.name ?? '',
      fields: (doc?.fields ?? []).map(({ key, label, mandatory }) => ({ key, label, mandatory: mandatory === true })),
    },
  };
}

export const blankField = (): CaseTemplateField => ({ key: '', label: '', mandatory: false });

export function cleanCaseTemplate(values: CaseTemplateValues): CaseTemplateValues {
  return {
    name: values.name.trim(),
    fields: values.fields.map((f) => ({ key: f.key.trim(), label: f.label.trim(), mandatory: f.mandatory })),
  };
}

/** Errors keyed `name`, `fields`, `fields.<index>.key|label`; field keys are unique, case-insensitively. */
export function validateCaseTemplate(values: CaseTemplateValues): FieldErrors {
  const errors: FieldErrors = {};
  const name = values.name.trim();
  if (!name) errors.name = 'Enter a name.';
  else if (name.length > TEXT_MAX) errors.name = `At most ${TEXT_MAX} characters.`;
  if (values.fields.length > LIMITS.caseTemplateFields) errors.fields = `At most ${LIMITS.caseTemplateFields} fields.`;
  const seen = new Map<string, number>();
  values.fields.forEach((field, index) => {
    const key = field.key.trim();
    if (!FIELD_KEY.test(key) || key.length > KEY_MAX) {
      errors[`fields.${index}.key`] = `Use 1-${KEY_MAX} letters, digits or _, starting with a letter.`;
    } else if (seen.has(key.toLowerCase())) {
      errors[`fields.${index}.key`] = `${key} is already used by field ${seen.get(key.toLowerCase())! + 1}.`;
    } else seen.set(key.toLowerCase(), index);
    const label = field.label.trim();
    if (!label) errors[`fields.${index}.label`] = 'Enter a label.';
    else if (label.length > TEXT_MAX) errors[`fields.${index}.label`] = `At most ${TEXT_MAX} characters.`;
  });
  return errors;
}
