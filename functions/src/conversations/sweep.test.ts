import { describe, expect, it } from 'vitest';
import { PRESENCE } from '../shared/catalogue';
import type { PresenceDoc, Time } from '../shared/model';
import {
  disconnectedSinceMs,
  distinctQueues,
  inactivityAction,
  silenceSinceMs,
  inactivityPossible,
  specialistGone,
  triage,
  type AssignedView,
} from './sweep';

const NOW = 1_700_000_000_000;
const at = (ms: number): Time => ({ toMillis: () => ms });
const limits = { inactivityWarningSeconds: 300, inactivityCloseSeconds: 600 };
const presenceSeen = (ms: number, choice: PresenceDoc['choice'] = 'available'): PresenceDoc => ({
  choice,
  connections: { tab: at(ms) },
  updatedAt: at(ms),
});
const view = (patch: Partial<AssignedView> = {}): AssignedView => ({
  assignedAtMs: NOW - 1_000,
  lastText: null,
  inactivityWarnedAtMs: null,
  ...patch,
});

describe('specialistGone', () => {
  const { ttlMs, reassignGraceMs } = PRESENCE;

  it('is false while connected, whatever the choice', () => {
    expect(specialistGone(presenceSeen(NOW - 1_000, 'away'), NOW - 600_000, NOW)).toBe(false);
  });

  it('counts the grace from the moment the last connection expired', () => {
    const expiredGraceAgo = NOW - reassignGraceMs - ttlMs;
    expect(disconnectedSinceMs(presenceSeen(expiredGraceAgo), 0)).toBe(NOW - reassignGraceMs);
    expect(specialistGone(presenceSeen(expiredGraceAgo), 0, NOW)).toBe(false);
    expect(specialistGone(presenceSeen(expiredGraceAgo - 1), 0, NOW)).toBe(true);
  });

  it('counts from the presence write that removed the last connection (RTDB disconnect)', () => {
    const removed = (ms: number): PresenceDoc => ({ choice: 'available', connections: {}, updatedAt: at(ms) });
    expect(disconnectedSinceMs(removed(NOW - 10_000), 0)).toBe(NOW - 10_000);
    expect(specialistGone(removed(NOW - 10_000), 0, NOW)).toBe(false);
    expect(specialistGone(removed(NOW - reassignGraceMs - 1), 0, NOW)).toBe(true);
  });

  it('never counts from before the assignment, and treats a missing document as gone after the grace', () => {
    expect(disconnectedSinceMs(undefined, NOW - 5_000)).toBe(NOW - 5_000);
    expect(specialistGone(undefined, NOW - 5_000, NOW)).toBe(false);
    expect(specialistGone(undefined, NOW - reassignGraceMs - 1, NOW)).toBe(true);
  });
});

describe('silenceSinceMs', () => {
  it('counts from the assignment when nobody wrote', () => {
    expect(silenceSinceMs(view({ assignedAtMs: 5 }))).toBe(5);
  });

  it("counts from the specialist's latest message", () => {
    expect(silenceSinceMs(view({ assignedAtMs: 5, lastText: { atMs: 20, byUser: false } }))).toBe(20);
    expect(silenceSinceMs(view({ assignedAtMs: 50, lastText: { atMs: 20, byUser: false } }))).toBe(50);
  });

  it('is null while the user wrote last and waits for an answer', () => {
    expect(silenceSinceMs(view({ assignedAtMs: 5, lastText: { atMs: 20, byUser: true } }))).toBeNull();
    expect(silenceSinceMs(view({ assignedAtMs: 50, lastText: { atMs: 20, byUser: true } }))).toBeNull();
  });
});

describe('inactivityAction', () => {
  const assignedAtMs = NOW - 1_000_000;
  it('does nothing before the warning time', () => {
    expect(inactivityAction(view({ assignedAtMs }), limits, assignedAtMs + 299_999)).toEqual({ kind: 'none' });
  });

  it('warns once the warning time has passed', () => {
    expect(inactivityAction(view({ assignedAtMs }), limits, assignedAtMs + 300_000)).toEqual({
      kind: 'warn',
      silenceSinceMs: assignedAtMs,
    });
  });

  it('does not warn twice for the same silence, then closes at the close time', () => {
    const warned = view({ assignedAtMs, inactivityWarnedAtMs: assignedAtMs + 300_000 });
    expect(inactivityAction(warned, limits, assignedAtMs + 599_999)).toEqual({ kind: 'none' });
    expect(inactivityAction(warned, limits, assignedAtMs + 600_000)).toEqual({ kind: 'close' });
  });

  it('warns before closing even if the sweep missed the warning time', () => {
    expect(inactivityAction(view({ assignedAtMs }), limits, assignedAtMs + 900_000)).toMatchObject({ kind: 'warn' });
  });

  it('starts a new silence after the specialist wrote again', () => {
    const oldWarning = view({
      assignedAtMs,
      inactivityWarnedAtMs: assignedAtMs + 300_000,
      lastText: { atMs: assignedAtMs + 400_000, byUser: false },
    });
    expect(inactivityAction(oldWarning, limits, assignedAtMs + 650_000)).toEqual({ kind: 'none' });
    expect(inactivityAction(oldWarning, limits, assignedAtMs + 700_000)).toEqual({
      kind: 'warn',
      silenceSinceMs: assignedAtMs + 400_000,
    });
  });

  it('never acts while the user waits for an answer', () => {
    const waiting = view({ assignedAtMs, lastText: { atMs: assignedAtMs + 10, byUser: true } });
    expect(inactivityAction(waiting, limits, assignedAtMs + 10_000_000)).toEqual({ kind: 'none' });
  });
});

describe('triage', () => {
  it('requeues before judging the user when the specialist is gone', () => {
    const assignedAtMs = NOW - 1_000_000;
    expect(triage(assignedAtMs, presenceSeen(assignedAtMs), limits, NOW)).toBe('requeue');
  });

  it('checks inactivity only once the assignment is as old as the warning time', () => {
    const connected = presenceSeen(NOW - 1_000);
    expect(triage(NOW - 300_000, connected, limits, NOW)).toBe('check-inactivity');
    expect(triage(NOW - 299_999, connected, limits, NOW)).toBe('none');
  });
});

describe('inactivityPossible', () => {
  it('agrees with inactivityAction: nothing can happen before the warning time', () => {
    const assignedAtMs = NOW - 299_999;
    expect(inactivityPossible(assignedAtMs, limits, NOW)).toBe(false);
    expect(inactivityAction(view({ assignedAtMs }), limits, NOW)).toEqual({ kind: 'none' });
    expect(inactivityPossible(assignedAtMs, limits, NOW + 1)).toBe(true);
    expect(inactivityAction(view({ assignedAtMs }), limits, NOW + 1)).toMatchObject({ kind: 'warn' });
  });
});

describe('distinctQueues', () => {
  it('lists each project and level once', () => {
    expect(
      distinctQueues([
        { projectId: 'p', level: 1 },
        { projectId: 'p', level: 2 },
        { projectId: 'p', level: 1 },
        { projectId: 'q', level: 1 },
      ]),
    ).toEqual([
      { projectId: 'p', level: 1 },
      { projectId: 'p', level: 2 },
      { projectId: 'q', level: 1 },
    ]);
  });
});
