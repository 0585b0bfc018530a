import { describe, expect, it } from 'vitest';
import type { CaseDefaults, CaseTemplateField } from '../shared/model';
import {
  DESCRIPTION_MAX,
  DESCRIPTION_TRUNCATED,
  draftCase,
  firstLine,
  NO_USER_TEXT,
  templateUsable,
  type CaseDraftInput,
} from './caseDraft';
import { TRANSCRIPT_HEADING } from './transcript';

const defaults: CaseDefaults = {
  type: 'Incident',
  category: 'Chat',
  service: 'Printing',
  priority: 'medium',
  group: 'L1',
};
const optional: CaseTemplateField = { key: 'room', label: 'Room', mandatory: false };

const input = (overrides: Partial<CaseDraftInput> = {}): CaseDraftInput => ({
  source: { circumstance: 'offline', text: '\n  Printer on floor 2 is jammed  \nPlease help' },
  projectId: 'printers',
  projectName: 'Printers',
  requesterName: 'Ana',
  config: { templateId: 'tpl-chat', defaults, subjectPattern: 'Chat: {firstLine} ({userName}, {projectName})' },
  template: { name: 'Chat', fields: [optional] },
  ...overrides,
});

describe('firstLine', () => {
  it('takes the first non-empty line, trimmed', () => {
    expect(firstLine('\n \r\n  Hello there  \nsecond')).toBe('Hello there');
    expect(firstLine('   ')).toBe('');
  });
  it('cuts longer lines to 80 characters ending in an ellipsis', () => {
    const long = 'x'.repeat(100);
    expect(firstLine(long)).toBe(`${'x'.repeat(79)}…`);
    expect(Array.from(firstLine(long))).toHaveLength(80);
    expect(firstLine('y'.repeat(80))).toBe('y'.repeat(80));
  });
  it('never splits an emoji', () => {
    expect(firstLine('😀'.repeat(90))).toBe(`${'😀'.repeat(79)}…`);
  });
});

describe('draftCase', () => {
  it('fills the subject pattern and keeps the offline text as description', () => {
    const result = draftCase(input());
    expect(result).toEqual({
      ok: true,
      draft: {
        subject: 'Chat: Printer on floor 2 is jammed (Ana, Printers)',
        templateId: 'tpl-chat',
        defaults,
        description: '\n  Printer on floor 2 is jammed  \nPlease help',
      },
    });
  });

  it('describes a conversion with the transcript and takes the subject from the user', () => {
    const messages = [
      {
        authorRole: 'specialist',
        authorName: 'Sam',
        kind: 'text',
        visibility: 'all',
        text: 'Hi',
        createdAtMillis: 60_000,
      },
      {
        authorRole: 'user',
        authorName: 'Ana',
        kind: 'text',
        visibility: 'all',
        text: 'Toner empty',
        createdAtMillis: 120_000,
      },
      {
        authorRole: 'specialist',
        authorName: 'Sam',
        kind: 'note',
        visibility: 'staff',
        text: 'VIP',
        createdAtMillis: 180_000,
      },
    ] as const;
    const result = draftCase(input({ source: { circumstance: 'conversion', messages: [...messages] } }));
    if (!result.ok) throw new Error(result.refusal);
    expect(result.draft.subject).toBe('Chat: Toner empty (Ana, Printers)');
    expect(result.draft.description).toBe(`${TRANSCRIPT_HEADING}\n[00:01] Sam: Hi\n[00:02] Ana: Toner empty`);
  });

  it('names a conversion where the user wrote nothing', () => {
    const result = draftCase(input({ source: { circumstance: 'conversion', messages: [] } }));
    expect(result.ok && result.draft.subject).toBe(`Chat: ${NO_USER_TEXT} (Ana, Printers)`);
  });

  it('refuses when the template no longer exists', () => {
    expect(draftCase(input({ template: null }))).toEqual({
      ok: false,
      refusal:
        'The case template tpl-chat configured for offline cases in Printers no longer exists. An admin must choose another template in Creating chat cases.',
    });
  });

  it('refuses a template with mandatory fields, listing them', () => {
    const template = {
      name: 'Hardware',
      fields: [
        optional,
        { key: 'asset', label: 'Asset tag', mandatory: true },
        { key: 'site', label: 'Site', mandatory: true },
      ],
    };
    expect(draftCase(input({ template }))).toEqual({
      ok: false,
      refusal:
        'Template Hardware has mandatory fields (Asset tag, Site); chat cases can only use templates without mandatory fields. An admin must choose another template in Creating chat cases.',
    });
  });

  it('refuses when the project has no configuration for the circumstance', () => {
    const result = draftCase(input({ config: null, source: { circumstance: 'conversion', messages: [] } }));
    expect(result).toEqual({
      ok: false,
      refusal:
        'Chat cannot create conversion cases in Printers: no case configuration has been saved. An admin must set it up in Creating chat cases.',
    });
  });

  it('refuses a subject pattern with unknown variables or no text', () => {
    const unknown = draftCase(
      input({ config: { templateId: 'tpl-chat', defaults, subjectPattern: '{ticket} {firstLine} {queue}' } }),
    );
    expect(unknown.ok === false && unknown.refusal).toBe(
      'The subject pattern for offline cases in Printers uses unknown variables ({ticket}, {queue}). An admin must correct it in Creating chat cases.',
    );
    const empty = draftCase(input({ config: { templateId: 'tpl-chat', defaults, subjectPattern: '  ' } }));
    expect(empty.ok).toBe(false);
  });

  it('truncates a description that would not fit a document', () => {
    const result = draftCase(input({ source: { circumstance: 'offline', text: 'a'.repeat(DESCRIPTION_MAX + 10) } }));
    if (!result.ok) throw new Error(result.refusal);
    expect(result.draft.description).toHaveLength(DESCRIPTION_MAX);
    expect(result.draft.description.endsWith(DESCRIPTION_TRUNCATED)).toBe(true);
  });
});

describe('templateUsable', () => {
  it('accepts templates without mandatory fields only', () => {
    expect(templateUsable({ name: 'Chat', fields: [optional] })).toBe(true);
    expect(templateUsable({ name: 'Empty', fields: [] })).toBe(true);
    expect(templateUsable({ name: 'Hardware', fields: [{ ...optional, mandatory: true }] })).toBe(false);
  });
});
