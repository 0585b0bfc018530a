import { describe, expect, it } from 'vitest';
import { passwordLinkProblem, passwordProblem } from './passwordReset';

describe('set-password wording', () => {
  it('refuses a short password and two that differ', () => {
    expect(passwordProblem('short', 'short')).toMatch(/at least 8/);
    expect(passwordProblem('long enough', 'long enougH')).toMatch(/differ/);
    expect(passwordProblem('long enough', 'long enough')).toBeNull();
  });
  it('says what to do with a used or expired link', () => {
    expect(passwordLinkProblem('auth/invalid-action-code')).toMatch(/already used/);
    expect(passwordLinkProblem('auth/expired-action-code')).toMatch(/expired/);
    expect(passwordLinkProblem('auth/other')).toMatch(/\(auth\/other\)/);
  });
});
