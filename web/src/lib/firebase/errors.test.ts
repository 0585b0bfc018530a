import { describe, expect, it } from 'vitest';
import {
  callableErrorMessage,
  readErrorMessage,
  readFailureMessage,
  saveErrorMessage,
  sendErrorMessage,
  signInErrorMessage,
  writeErrorMessage,
} from './errors';

describe('signInErrorMessage', () => {
  it('explains each common failure differently', () => {
    const codes = [
      'auth/wrong-password',
      'auth/user-not-found',
      'auth/too-many-requests',
      'auth/network-request-failed',
      'auth/invalid-email',
    ];
    const messages = codes.map(signInErrorMessage);
    expect(new Set(messages).size).toBe(codes.length);
    expect(signInErrorMessage('auth/wrong-password')).toMatch(/password is not right/);
    expect(signInErrorMessage('auth/user-not-found')).toMatch(/no account with this email/);
    expect(signInErrorMessage('auth/too-many-requests')).toMatch(/Too many sign-in attempts/);
    expect(signInErrorMessage('auth/network-request-failed')).toMatch(/internet connection/);
  });

  it('names the code of an unexpected failure so support can trace it', () => {
    expect(signInErrorMessage('auth/internal-error')).toBe('Sign-in failed (auth/internal-error). Please try again.');
    expect(signInErrorMessage(undefined)).toBe('Sign-in failed. Please try again.');
  });
});

describe('readErrorMessage', () => {
  it('tells a person whether access, connection or an index is the problem', () => {
    expect(readErrorMessage('permission-denied')).toMatch(/not allowed to see this/);
    expect(readErrorMessage('unavailable')).toMatch(/Cannot reach the database/);
    expect(readErrorMessage('failed-precondition')).toMatch(/missing an index/);
  });

  it('names the code of an unexpected failure', () => {
    expect(readErrorMessage('internal')).toBe('Could not load this (internal). Reload the page to try again.');
  });
});

describe('readFailureMessage', () => {
  it('reads the code of what the SDK threw, and copes with anything else', () => {
    expect(readFailureMessage(Object.assign(new Error('x'), { code: 'permission-denied' }))).toBe(
      readErrorMessage('permission-denied'),
    );
    expect(readFailureMessage('boom')).toBe('Could not load this. Reload the page to try again.');
  });
});

describe('callableErrorMessage', () => {
  it("shows the function's own message for a refusal", () => {
    const error = {
      code: 'functions/failed-precondition',
      message: 'No Level 2 specialist is available in Printers right now',
    };
    expect(callableErrorMessage(error, 'transfer')).toBe('No Level 2 specialist is available in Printers right now');
  });

  it('explains an unreachable service and an ended session', () => {
    expect(callableErrorMessage({ code: 'functions/unavailable', message: 'unavailable' }, 'transfer')).toMatch(
      /did not answer/,
    );
    expect(callableErrorMessage({ code: 'functions/unauthenticated', message: 'x' }, 'transfer')).toMatch(
      /Sign in again/,
    );
  });

  it('falls back to the action and code when the server said nothing useful', () => {
    expect(callableErrorMessage({ code: 'functions/internal', message: 'internal' }, 'convert to a case')).toBe(
      'Could not convert to a case (functions/internal). Please try again.',
    );
    expect(callableErrorMessage('boom', 'transfer')).toBe('Could not transfer. Please try again.');
  });
});

describe('writeErrorMessage', () => {
  it('names the action and the reason', () => {
    expect(writeErrorMessage({ code: 'permission-denied' }, 'send your message')).toMatch(
      /^Could not send your message\. The help desk refused this/,
    );
    expect(writeErrorMessage({ code: 'aborted' }, 'close')).toBe('Could not close (aborted). Please try again.');
  });
});

describe('sendErrorMessage', () => {
  it('names the pace limit when the help desk refused a message', () => {
    expect(sendErrorMessage({ code: 'permission-denied' }, 'send your message')).toMatch(/30 a minute/);
    expect(sendErrorMessage({ code: 'unavailable' }, 'send your message')).toMatch(/Check your connection/);
  });
});

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
