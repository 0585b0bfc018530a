import { describe, expect, it } from 'vitest';
import { callableErrorMessage, sendErrorMessage, writeErrorMessage } from './errors';

describe('callableErrorMessage', () => {
  it("shows the function's own message for a refusal", () => {
    const error = { code: 'functions/failed-precondition', message: 'No Level 2 specialist is available in Printers right now' };
    expect(callableErrorMessage(error, 'transfer')).toBe('No Level 2 specialist is available in Printers right now');
  });

  it('explains an unreachable service and an ended session', () => {
    expect(callableErrorMessage({ code: 'functions/unavailable', message: 'unavailable' }, 'transfer')).toMatch(
      /did not answer/,
    );
    expect(callableErrorMessage({ code: 'functions/unauthenticated', message: 'x' }, 'transfer')).toMatch(/Sign in again/);
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
