import { describe, expect, it } from 'vitest';
import type { Engagement, Time } from '../shared/model';
import { withNameVisibility } from './nameVisibility';

const at: Time = { toMillis: () => 0 };
const engagement = (specialistId: string, shownName: string | null, outcome: Engagement['outcome']): Engagement => ({
  specialistId,
  shownName,
  level: 1,
  startedAt: at,
  endedAt: outcome === 'active' ? null : at,
  firstResponseAt: null,
  outcome,
  convertedToCase: false,
});

describe('withNameVisibility', () => {
  const served = {
    status: 'assigned' as const,
    specialistName: 'Sam',
    engagements: [engagement('lia', 'Lia', 'transferred'), engagement('sam', 'Sam', 'active')],
  };

  it('hides the serving specialist’s name from the conversation and its running engagement', () => {
    const hidden = withNameVisibility(served, false, 'Sam');
    expect(hidden?.specialistName).toBeNull();
    expect(hidden?.engagements.map((e) => e.shownName)).toEqual(['Lia', null]);
  });

  it('shows it again from the account’s real name', () => {
    const none = { ...served, specialistName: null, engagements: [engagement('sam', null, 'active')] };
    expect(withNameVisibility(none, true, 'Sam Smith')?.specialistName).toBe('Sam Smith');
  });

  it('changes nothing that already agrees, nor a conversation nobody serves', () => {
    expect(withNameVisibility(served, true, 'Sam')).toBeNull();
    expect(withNameVisibility({ ...served, status: 'queued', engagements: [] }, false, 'Sam')).toBeNull();
    expect(withNameVisibility({ ...served, status: 'closed' }, false, 'Sam')).toBeNull();
  });
});
