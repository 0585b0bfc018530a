import { describe, expect, it } from 'vitest';
import { readErrorMessage, signInErrorMessage } from './errors';

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
