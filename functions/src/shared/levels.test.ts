import { describe, expect, it } from 'vitest';
import { isLevel } from './catalogue';
import { ENTRY_LEVEL, ESCALATION_LEVEL, mayTransferUp } from './levels';

describe('care levels', () => {
  it('start every conversation at Level 1 and escalate to Level 2 only', () => {
    expect(ENTRY_LEVEL).toBe(1);
    expect(ESCALATION_LEVEL).toBe(2);
    expect(mayTransferUp(1)).toBe(true);
    expect(mayTransferUp(2)).toBe(false);
  });

  it('know a level when they see one', () => {
    expect([1, 2, 0, 3, '1', null].map(isLevel)).toEqual([true, true, false, false, false, false]);
  });
});
