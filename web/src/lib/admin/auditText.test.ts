import { describe, expect, it } from 'vitest';
import { actionText, changeText } from './auditText';

describe('audit entries in words', () => {
  it('names only what changed', () => {
    expect(changeText({ role: 'user', disabled: false }, { role: 'specialist', disabled: false })).toBe(
      'role: user → specialist',
    );
  });
  it('shows all of a creation and all of a deletion', () => {
    expect(changeText(null, { name: 'Net', specialistIds: ['a', 'b'] })).toBe('name: Net; specialistIds: a, b');
    expect(changeText({ name: 'Net', specialistIds: [] }, null)).toBe('name was Net; specialistIds was none');
  });
  it('says each action as a verb', () => {
    expect(actionText('account.disabled')).toBe('disabled');
  });
});
