import { describe, expect, it } from 'vitest';
import { CONNECTION_SLOTS, PRESENCE } from '$shared/catalogue';
import { isSlotFree, slotsToTry } from './slots';

const NOW = 1_000_000;
const TTL = PRESENCE.ttlMs;

describe('connection slots', () => {
  it('are ten fixed keys the RTDB rules accept', () => {
    expect(CONNECTION_SLOTS).toHaveLength(10);
    for (const slot of CONNECTION_SLOTS) expect(slot).toMatch(/^slot[0-9]$/);
  });

  it('treats an empty slot or one silent for longer than the TTL as free', () => {
    expect(isSlotFree(null, NOW, TTL)).toBe(true);
    expect(isSlotFree({ at: NOW - TTL - 1 }, NOW, TTL)).toBe(true);
    expect(isSlotFree({ at: NOW - 1_000 }, NOW, TTL)).toBe(false);
    expect(isSlotFree({}, NOW, TTL)).toBe(true);
  });

  it('offers the free slots in order, and none when all ten are live', () => {
    expect(slotsToTry({ slot0: { at: NOW }, slot2: { at: NOW - TTL - 5 } }, NOW, TTL).slice(0, 3)).toEqual([
      'slot1',
      'slot2',
      'slot3',
    ]);
    const full = Object.fromEntries(CONNECTION_SLOTS.map((slot) => [slot, { at: NOW }]));
    expect(slotsToTry(full, NOW, TTL)).toEqual([]);
    expect(slotsToTry(null, NOW, TTL)).toEqual(CONNECTION_SLOTS);
  });
});
