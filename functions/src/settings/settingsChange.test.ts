import { describe, expect, it } from 'vitest';
import { DEFAULT_GENERAL_SETTINGS } from '../shared/settings';
import { capacityRaised, nameVisibilityChange } from './settingsChange';

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

describe('nameVisibilityChange', () => {
  const withNames = (showSpecialistName: boolean) => ({ general: { ...DEFAULT_GENERAL_SETTINGS, showSpecialistName } });

  it('says the new value when the admin switched names on or off', () => {
    expect(nameVisibilityChange(withNames(true), withNames(false))).toBe(false);
    expect(nameVisibilityChange(withNames(false), withNames(true))).toBe(true);
  });

  it('is null when nothing changed, on a first save equal to the default, or on deletion', () => {
    expect(nameVisibilityChange(withNames(true), withNames(true))).toBeNull();
    expect(nameVisibilityChange(undefined, withNames(DEFAULT_GENERAL_SETTINGS.showSpecialistName))).toBeNull();
    expect(nameVisibilityChange(undefined, withNames(!DEFAULT_GENERAL_SETTINGS.showSpecialistName))).toBe(
      !DEFAULT_GENERAL_SETTINGS.showSpecialistName,
    );
    expect(nameVisibilityChange(withNames(false), undefined)).toBeNull();
  });
});
