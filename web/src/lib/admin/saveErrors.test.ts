import { describe, expect, it } from 'vitest';
import { saveErrorMessage } from './saveErrors';

const failure = (code: string, message = 'boom') => Object.assign(new Error(message), { code });

describe('saveErrorMessage', () => {
  it('explains a refusal by the rules and a lost connection differently, with the code', () => {
    expect(saveErrorMessage(failure('permission-denied'))).toMatch(/refused this save \(permission-denied\)/);
    expect(saveErrorMessage(failure('unavailable'))).toMatch(/Cannot reach the database \(unavailable\)/);
    expect(saveErrorMessage(failure('firestore/aborted'))).toMatch(/\(aborted\)/);
  });

  it('passes on the exact message of anything unexpected', () => {
    expect(saveErrorMessage(failure('internal', 'INTERNAL ASSERTION FAILED'))).toBe(
      'Not saved (internal): INTERNAL ASSERTION FAILED',
    );
    expect(saveErrorMessage(new Error('offline'))).toBe('Not saved: offline');
    expect(saveErrorMessage('weird')).toBe('Not saved: weird');
  });
});
