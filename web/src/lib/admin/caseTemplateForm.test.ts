import { describe, expect, it } from 'vitest';
import { LIMITS } from '$shared/catalogue';
import { blankField, cleanCaseTemplate, storedCaseTemplate, validateCaseTemplate } from './caseTemplateForm';

const field = (key: string, label = 'Label', mandatory = false) => ({ key, label, mandatory });

describe('validateCaseTemplate', () => {
  it('accepts a named template with distinct, well-formed fields', () => {
    expect(
      validateCaseTemplate({ name: 'Chat request', fields: [field('summary'), field('cost_centre2', 'Cost', true)] }),
    ).toEqual({});
  });

  it('needs a name', () => {
    expect(validateCaseTemplate({ name: '  ', fields: [] }).name).toBe('Enter a name.');
    expect(validateCaseTemplate({ name: 'x'.repeat(121), fields: [] }).name).toMatch(/At most 120/);
  });

  it('refuses malformed and duplicate keys, and blank labels, naming the field', () => {
    const errors = validateCaseTemplate({
      name: 'T',
      fields: [field('summary'), field('Summary'), field('2nd'), field('ok', ' ')],
    });
    expect(errors['fields.1.key']).toBe('Summary is already used by field 1.');
    expect(errors['fields.2.key']).toMatch(/starting with a letter/);
    expect(errors['fields.3.label']).toBe('Enter a label.');
    expect(errors['fields.0.key']).toBeUndefined();
  });

  it('refuses more fields than the rules allow', () => {
    const fields = Array.from({ length: LIMITS.caseTemplateFields + 1 }, (_, i) => field(`f${i}`));
    expect(validateCaseTemplate({ name: 'T', fields }).fields).toBe(`At most ${LIMITS.caseTemplateFields} fields.`);
  });
});

describe('storedCaseTemplate and cleanCaseTemplate', () => {
  it('starts a new template empty and trims what is saved', () => {
    expect(storedCaseTemplate(null)).toEqual({ version: null, values: { name: '', fields: [] } });
    expect(blankField()).toEqual({ key: '', label: '', mandatory: false });
    expect(cleanCaseTemplate({ name: ' T ', fields: [field(' k ', ' L ', true)] })).toEqual({
      name: 'T',
      fields: [field('k', 'L', true)],
    });
  });
});
