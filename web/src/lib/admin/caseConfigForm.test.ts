import { describe, expect, it } from 'vitest';
import { cleanCaseConfig, configuredTemplateProblem, storedCaseConfig, templateChoices } from './caseConfigForm';

const simple = {
  id: 'chat-request',
  name: 'Chat request',
  fields: [{ key: 'summary', label: 'Summary', mandatory: false }],
};
const mandatory = { id: 'hardware', name: 'Hardware order', fields: [{ key: 'item', label: 'Item', mandatory: true }] };
const another = { id: 'chat-incident', name: 'Chat incident', fields: [] };

describe('storedCaseConfig', () => {
  it('opens an unsaved circumstance on blanks with the usual subject pattern', () => {
    const stored = storedCaseConfig(null);
    expect(stored.version).toBeNull();
    expect(stored.values.templateId).toBe('');
    expect(stored.values.subjectPattern).toBe('Chat: {firstLine}');
    expect(stored.values.defaults.priority).toBe('medium');
  });

  it('reads a saved configuration with its timestamp as the version', () => {
    const stored = storedCaseConfig({
      templateId: 'chat-request',
      defaults: { type: 'request', category: 'Chat', service: 'IT', priority: 'high', group: 'l1' },
      subjectPattern: 'Chat: {userName}',
      updatedAt: { toMillis: () => 42 },
    });
    expect(stored.version).toBe('42');
    expect(stored.values.defaults.priority).toBe('high');
    expect(Object.keys(stored.values).sort()).toEqual(['defaults', 'subjectPattern', 'templateId']);
  });

  it('gives each form its own copy of the blanks', () => {
    storedCaseConfig(null).values.defaults.type = 'changed';
    expect(storedCaseConfig(null).values.defaults.type).toBe('');
  });
});

describe('cleanCaseConfig', () => {
  it('trims every text', () => {
    const cleaned = cleanCaseConfig({
      templateId: 'x',
      defaults: { type: ' a ', category: ' b', service: 'c ', priority: 'low', group: ' g ' },
      subjectPattern: '  Chat: {firstLine} ',
    });
    expect(cleaned.defaults).toEqual({ type: 'a', category: 'b', service: 'c', priority: 'low', group: 'g' });
    expect(cleaned.subjectPattern).toBe('Chat: {firstLine}');
  });
});

describe('templateChoices', () => {
  it('lists usable templates first and gives each refused one its reason', () => {
    const choices = templateChoices([mandatory, simple, another]);
    expect(choices.map((c) => c.id)).toEqual(['chat-incident', 'chat-request', 'hardware']);
    expect(choices[2]?.refusal).toMatch(/Hardware order has mandatory fields \(Item\)/);
    expect(choices[0]?.refusal).toBeNull();
  });
});

describe('configuredTemplateProblem', () => {
  it('is silent for a usable template and for a circumstance never saved', () => {
    expect(configuredTemplateProblem('chat-request', [simple])).toBeNull();
    expect(configuredTemplateProblem(null, [simple])).toBeNull();
  });

  it('warns when the saved template gained a mandatory field', () => {
    expect(configuredTemplateProblem('hardware', [simple, mandatory])).toMatch(
      /has changed since it was chosen: Hardware order has mandatory fields \(Item\).*cannot create these cases/,
    );
  });

  it('warns when the saved template was deleted', () => {
    expect(configuredTemplateProblem('gone', [simple])).toMatch(/\(gone\) no longer exists/);
  });
});
