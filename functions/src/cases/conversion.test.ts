import { describe, expect, it } from 'vitest';
import { conversionDecision, convertToCaseSchema } from './conversion';

const open = { specialistId: 'sam', status: 'assigned', caseId: null, caseNumber: null } as const;

describe('conversionDecision', () => {
  it('lets the assigned specialist convert an open conversation', () => {
    expect(conversionDecision(open, 'sam')).toEqual({ action: 'convert' });
  });
  it('refuses any other specialist, even when a case exists', () => {
    expect(conversionDecision(open, 'lia')).toMatchObject({ action: 'refuse', code: 'permission-denied' });
    expect(conversionDecision({ ...open, caseId: 'conversion_c1', caseNumber: 4 }, 'lia')).toMatchObject({
      action: 'refuse',
      code: 'permission-denied',
    });
  });
  it('answers a repeated request with the existing case, even after closing', () => {
    const converted = { ...open, status: 'closed', caseId: 'conversion_c1', caseNumber: 4 } as const;
    expect(conversionDecision(converted, 'sam')).toEqual({
      action: 'existing',
      caseId: 'conversion_c1',
      caseNumber: 4,
    });
  });
  it('refuses a closed conversation without a case', () => {
    expect(conversionDecision({ ...open, status: 'closed' }, 'sam')).toEqual({
      action: 'refuse',
      code: 'failed-precondition',
      message: 'This conversation is closed; only an open conversation can be converted into a case.',
    });
  });
});

describe('convertToCaseSchema', () => {
  it('takes exactly a conversation id', () => {
    expect(convertToCaseSchema.parse({ conversationId: 'c1' })).toEqual({ conversationId: 'c1' });
    for (const bad of [{}, { conversationId: '' }, { conversationId: 'a/b' }, { conversationId: 'c1', extra: 1 }]) {
      expect(convertToCaseSchema.safeParse(bad).success).toBe(false);
    }
  });
});
