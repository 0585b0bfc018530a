import { describe, expect, it } from 'vitest';
import { queuePositions, queueUpdates } from './queue';

describe('queuePositions', () => {
  it('numbers conversations from 1, oldest first', () => {
    expect([...queuePositions(['x', 'y', 'z'])]).toEqual([
      ['x', 1],
      ['y', 2],
      ['z', 3],
    ]);
  });
});

describe('queueUpdates', () => {
  it('writes only the conversations whose position or flag is wrong', () => {
    const updates = queueUpdates(
      [
        { id: 'a', queuePosition: 1, nobodyAvailable: false },
        { id: 'b', queuePosition: 3, nobodyAvailable: false },
        { id: 'c', queuePosition: null, nobodyAvailable: false },
      ],
      false,
    );
    expect(updates).toEqual([
      { id: 'b', queuePosition: 2, nobodyAvailable: false },
      { id: 'c', queuePosition: 3, nobodyAvailable: false },
    ]);
  });

  it('flips the nobody-available flag on every waiting conversation', () => {
    const updates = queueUpdates([{ id: 'a', queuePosition: 1, nobodyAvailable: false }], true);
    expect(updates).toEqual([{ id: 'a', queuePosition: 1, nobodyAvailable: true }]);
  });

  it('writes nothing when everything is already right', () => {
    expect(queueUpdates([{ id: 'a', queuePosition: 1, nobodyAvailable: true }], true)).toEqual([]);
    expect(queueUpdates([], false)).toEqual([]);
  });
});
