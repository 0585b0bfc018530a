import { describe, expect, it } from 'vitest';
import { DEFAULT_GENERAL_SETTINGS, DEFAULT_SHORTCUTS, DEFAULT_SYSTEM_MESSAGES } from './settings';
import {
  templateRefusal,
  validateCaseConfig,
  validateGeneral,
  validateMessages,
  validateShortcuts,
} from './settingsValidation';

describe('validateGeneral', () => {
  it('accepts the defaults', () => {
    expect(validateGeneral(DEFAULT_GENERAL_SETTINGS)).toEqual({ value: DEFAULT_GENERAL_SETTINGS, errors: {} });
  });
  it.each([
    ['maxConversationsPerSpecialist', 0, 'At least 1'],
    ['maxConversationsPerSpecialist', 21, 'At most 20'],
    ['maxConversationsPerSpecialist', 2.5, 'whole number'],
    ['queueWaitSeconds', 5, 'At least 10'],
    ['firstResponseTargetSeconds', 4000, 'At most 3600'],
  ])('reports %s = %s', (key, value, message) => {
    const { value: ok, errors } = validateGeneral({ ...DEFAULT_GENERAL_SETTINGS, [key]: value });
    expect(ok).toBeUndefined();
    expect(errors[key]).toContain(message);
  });
  it('requires auto-close after the warning', () => {
    const { errors } = validateGeneral({
      ...DEFAULT_GENERAL_SETTINGS,
      inactivityWarningSeconds: 600,
      inactivityCloseSeconds: 600,
    });
    expect(errors.inactivityCloseSeconds).toMatch(/after the inactivity warning/);
  });
  it('rejects unknown keys and wrong types', () => {
    expect(validateGeneral({ ...DEFAULT_GENERAL_SETTINGS, extra: 1 }).errors).not.toEqual({});
    expect(validateGeneral({ ...DEFAULT_GENERAL_SETTINGS, ratingEnabled: 'yes' }).errors.ratingEnabled).toBeDefined();
  });
});

describe('validateMessages', () => {
  it('accepts the defaults', () => {
    expect(validateMessages(DEFAULT_SYSTEM_MESSAGES)).toEqual({});
  });
  it('names unknown variables and the allowed ones', () => {
    const errors = validateMessages({ ...DEFAULT_SYSTEM_MESSAGES, welcome: 'Hi {userName}, case {caseNumber}' });
    expect(errors.welcome).toBe('Unknown variable {caseNumber}. Allowed here: {userName}, {projectName}.');
  });
  it('refuses empty texts', () => {
    expect(validateMessages({ ...DEFAULT_SYSTEM_MESSAGES, closed: '   ' }).closed).toMatch(/empty/);
  });
});

describe('validateShortcuts', () => {
  it('accepts the defaults', () => {
    expect(validateShortcuts(DEFAULT_SHORTCUTS)).toEqual({});
  });
  it('refuses duplicate keys, ignoring case', () => {
    const errors = validateShortcuts([
      { key: 'hello', text: 'Hi' },
      { key: 'HELLO', text: 'Hello' },
    ]);
    expect(errors['shortcuts.1.key']).toBe('/hello is already used by shortcut 1.');
    expect(errors['shortcuts.0.key']).toBeUndefined();
  });
  it('refuses bad keys, empty text and unknown variables', () => {
    const errors = validateShortcuts([
      { key: '/bad key', text: 'x' },
      { key: 'ok', text: '' },
      { key: 'case', text: 'Case {caseNumber}' },
    ]);
    expect(Object.keys(errors).sort()).toEqual(['shortcuts.0.key', 'shortcuts.1.text', 'shortcuts.2.text']);
  });
});

describe('case configuration', () => {
  const templates = {
    plain: { name: 'Chat incident', fields: [{ key: 'impact', label: 'Impact', mandatory: false }] },
    strict: { name: 'Hardware order', fields: [{ key: 'asset', label: 'Asset tag', mandatory: true }] },
  };
  const config = {
    templateId: 'plain',
    defaults: { type: 'Incident', category: 'Chat', service: 'Service desk', priority: 'medium' as const, group: 'L1' },
    subjectPattern: 'Chat: {firstLine}',
  };
  it('accepts a template without mandatory fields', () => {
    expect(validateCaseConfig(config, templates)).toEqual({});
  });
  it('refuses a template with mandatory fields, naming them', () => {
    expect(templateRefusal(templates.strict)).toContain('(Asset tag)');
    expect(validateCaseConfig({ ...config, templateId: 'strict' }, templates).templateId).toContain('mandatory');
  });
  it('refuses a missing template, empty defaults and unknown subject variables', () => {
    const errors = validateCaseConfig(
      { templateId: 'gone', defaults: { ...config.defaults, type: ' ' }, subjectPattern: 'Chat {ticket}' },
      templates,
    );
    expect(Object.keys(errors).sort()).toEqual(['defaults.type', 'subjectPattern', 'templateId']);
  });
});
