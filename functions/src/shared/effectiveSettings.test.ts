import { describe, expect, it } from 'vitest';
import { DEFAULT_GENERAL_SETTINGS, DEFAULT_SHORTCUTS } from './settings';
import { effectiveChatSettings } from './effectiveSettings';

describe('effectiveChatSettings', () => {
  it('keeps chat off and uses the defaults when nothing was saved', () => {
    const settings = effectiveChatSettings(null, undefined);
    expect(settings.enabled).toBe(false);
    expect(settings.general).toEqual(DEFAULT_GENERAL_SETTINGS);
    expect(settings.shortcuts).toEqual(DEFAULT_SHORTCUTS);
  });

  it('lays stored values over the defaults', () => {
    const settings = effectiveChatSettings(
      { enabled: true, general: { ...DEFAULT_GENERAL_SETTINGS, queueWaitSeconds: 30, ratingEnabled: false } },
      { shortcuts: [{ key: 'x', text: 'y' }] },
    );
    expect(settings.enabled).toBe(true);
    expect(settings.general.queueWaitSeconds).toBe(30);
    expect(settings.general.ratingEnabled).toBe(false);
    expect(settings.general.maxConversationsPerSpecialist).toBe(DEFAULT_GENERAL_SETTINGS.maxConversationsPerSpecialist);
    expect(settings.shortcuts).toEqual([{ key: 'x', text: 'y' }]);
  });

  it('treats anything but enabled === true as off', () => {
    expect(effectiveChatSettings({ enabled: 'yes' as unknown as boolean }, null).enabled).toBe(false);
  });
});
