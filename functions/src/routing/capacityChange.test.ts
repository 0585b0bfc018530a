import { describe, expect, it } from 'vitest';
import { DEFAULT_GENERAL_SETTINGS } from '../shared/settings';
import { capacityRaised } from './capacityChange';

const withCapacity = (maxConversationsPerSpecialist: number) => ({
  general: { ...DEFAULT_GENERAL_SETTINGS, maxConversationsPerSpecialist },
});

describe('capacityRaised', () => {
  it('is true only when the limit goes up', () => {
    expect(capacityRaised(withCapacity(3), withCapacity(4))).toBe(true);
    expect(capacityRaised(withCapacity(4), withCapacity(4))).toBe(false);
    expect(capacityRaised(withCapacity(4), withCapacity(2))).toBe(false);
  });

  it('compares a first save with the defaults functions used until then', () => {
    const def = DEFAULT_GENERAL_SETTINGS.maxConversationsPerSpecialist;
    expect(capacityRaised(undefined, withCapacity(def + 1))).toBe(true);
    expect(capacityRaised(undefined, withCapacity(def))).toBe(false);
  });

  it('is false when the settings were deleted', () => {
    expect(capacityRaised(withCapacity(3), undefined)).toBe(false);
  });
});
