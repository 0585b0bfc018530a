import { describe, expect, it } from 'vitest';
import { offlineOffer } from './queueWait';

const queued = { status: 'queued' as const, nobodyAvailable: false, queuedAtMs: 1_000_000 };

describe('offlineOffer', () => {
  it('offers at once when nobody is on duty, however short the wait', () => {
    expect(offlineOffer({ ...queued, nobodyAvailable: true }, 120, 1_000_001)).toEqual({
      offer: true,
      reason: 'nobodyAvailable',
    });
  });

  it('offers once the wait reaches queueWaitSeconds, not a millisecond before', () => {
    expect(offlineOffer(queued, 120, 1_000_000 + 119_999)).toEqual({ offer: false, recheckInMs: 1 });
    expect(offlineOffer(queued, 120, 1_000_000 + 120_000)).toEqual({ offer: true, reason: 'waitedTooLong' });
  });

  it('says when to look again while the wait is short', () => {
    expect(offlineOffer(queued, 60, 1_000_000 + 15_000)).toEqual({ offer: false, recheckInMs: 45_000 });
  });

  it('treats a queue time still pending as a wait that just began', () => {
    expect(offlineOffer({ ...queued, queuedAtMs: null }, 30, 5)).toEqual({ offer: false, recheckInMs: 30_000 });
  });

  it('never offers once a specialist serves the conversation or it is closed', () => {
    const long = 1_000_000 + 999_999_000;
    expect(offlineOffer({ ...queued, status: 'assigned', nobodyAvailable: true }, 10, long)).toEqual({
      offer: false,
      recheckInMs: null,
    });
    expect(offlineOffer({ ...queued, status: 'closed' }, 10, long)).toEqual({ offer: false, recheckInMs: null });
  });
});
