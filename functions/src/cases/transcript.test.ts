import { describe, expect, it } from 'vitest';
import {
  firstUserText,
  messagesSeenByUser,
  TRANSCRIPT_HEADING,
  transcriptText,
  type TranscriptMessage,
} from './transcript';

const at = (hhmm: string) => Date.parse(`2026-03-04T${hhmm}:00Z`);

const message = (overrides: Partial<TranscriptMessage>): TranscriptMessage => ({
  authorRole: 'user',
  authorName: 'Ana',
  kind: 'text',
  visibility: 'all',
  text: 'Hello',
  createdAtMillis: at('09:00'),
  ...overrides,
});

const conversation: TranscriptMessage[] = [
  message({ authorRole: 'specialist', authorName: 'Sam', text: 'Which printer?', createdAtMillis: at('09:02') }),
  message({
    authorRole: 'system',
    authorName: 'Help desk',
    kind: 'system',
    text: 'Sam has joined.',
    createdAtMillis: at('09:01'),
  }),
  message({ text: 'The printer jams', createdAtMillis: at('09:00') }),
  message({
    authorRole: 'specialist',
    authorName: 'Sam',
    kind: 'note',
    visibility: 'staff',
    text: 'Known issue',
    createdAtMillis: at('09:03'),
  }),
  message({ text: 'Second floor\nnext to the kitchen', createdAtMillis: at('09:04') }),
];

describe('transcript', () => {
  it('lists what the user saw, oldest first, as [HH:MM] Name: text in UTC', () => {
    expect(transcriptText(conversation)).toBe(
      [
        TRANSCRIPT_HEADING,
        '[09:00] Ana: The printer jams',
        '[09:01] Help desk: Sam has joined.',
        '[09:02] Sam: Which printer?',
        '[09:04] Ana: Second floor',
        '    next to the kitchen',
      ].join('\n'),
    );
  });

  it('leaves out staff notes, even one mislabelled as visible to all', () => {
    const mislabelled = message({ kind: 'note', visibility: 'all', text: 'secret', authorRole: 'specialist' });
    const staffText = message({ visibility: 'staff', text: 'also secret', authorRole: 'specialist' });
    const texts = messagesSeenByUser([...conversation, mislabelled, staffText]).map((m) => m.text);
    for (const hidden of ['Known issue', 'secret', 'also secret']) expect(texts).not.toContain(hidden);
    expect(texts).toHaveLength(4);
    expect(transcriptText([mislabelled, staffText])).toBe(TRANSCRIPT_HEADING);
  });

  it('finds the first text the user wrote, skipping blank ones', () => {
    const blank = message({ text: '   ', createdAtMillis: at('08:59') });
    expect(firstUserText([...conversation, blank])).toBe('The printer jams');
    expect(firstUserText(conversation.filter((m) => m.authorRole !== 'user'))).toBe('');
  });
});
