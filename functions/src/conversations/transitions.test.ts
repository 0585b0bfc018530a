import { describe, expect, it } from 'vitest';
import type { Engagement, Time } from '../shared/model';
import { assigned, awaitingLevel2, closedBySystem, closingDone, requeued, transferredTo } from './transitions';

const at = (ms: number): Time => ({ toMillis: () => ms });
const ended = (specialistId: string): Engagement => ({
  specialistId,
  shownName: specialistId,
  level: 1,
  startedAt: at(0),
  endedAt: at(5),
  firstResponseAt: null,
  outcome: 'requeued',
  convertedToCase: false,
});

describe('conversation transitions', () => {
  it('assigns: serving specialist, shown name, a running engagement, queue fields cleared, a participant more', () => {
    const update = assigned(
      { participantIds: ['sam'] },
      [ended('sam')],
      { specialistId: 'lia', shownName: null, level: 1 },
      at(10),
    );
    expect(update).toMatchObject({
      status: 'assigned',
      specialistId: 'lia',
      specialistName: null,
      ticket: null,
      inactivityWarnedAt: null,
      participantIds: ['sam', 'lia'],
    });
    expect(update.engagements?.map((e) => [e.specialistId, e.outcome])).toEqual([
      ['sam', 'requeued'],
      ['lia', 'active'],
    ]);
  });

  it('does not list a participant twice, and starts the list on a first assignment', () => {
    expect(
      assigned({ participantIds: ['lia'] }, [], { specialistId: 'lia', shownName: 'Lia', level: 1 }, at(1))
        .participantIds,
    ).toEqual(['lia']);
    expect(assigned({}, [], { specialistId: 'lia', shownName: 'Lia', level: 1 }, at(1)).participantIds).toEqual([
      'lia',
    ]);
  });

  it('transfers to Level 2 without touching the status, and requeues keeping queuedAt', () => {
    const update = transferredTo({}, [ended('sam')], { specialistId: 'lia', shownName: 'Lia', level: 2 }, at(10));
    expect(update).toMatchObject({ level: 2, specialistId: 'lia', specialistName: 'Lia' });
    expect(update).not.toHaveProperty('status');
    const back = requeued([ended('sam')], -1);
    expect(back).toMatchObject({
      status: 'queued',
      specialistId: null,
      specialistName: null,
      assignedAt: null,
      ticket: -1,
    });
    expect(back).not.toHaveProperty('queuedAt');
  });

  it('sends a transfer nobody at Level 2 can take to the back of the Level 2 line, as a new arrival there', () => {
    const twelve = at(12);
    const before = [ended('sam')];
    const update = awaitingLevel2(before, twelve);
    expect(update).toEqual({
      status: 'queued',
      level: 2,
      specialistId: null,
      specialistName: null,
      assignedAt: null,
      engagements: before,
      inactivityWarnedAt: null,
      queuedAt: twelve,
      ticket: null,
    });
  });

  it('closes as the system, and marks closing done once', () => {
    const seven = at(7);
    expect(closedBySystem(seven)).toEqual({ status: 'closed', closedAt: seven, closedBy: 'system' });
    expect(closingDone([], seven)).toMatchObject({ closingDoneAt: seven, ticket: null });
  });
});
