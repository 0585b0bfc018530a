import { describe, expect, it } from 'vitest';
import { DEFAULT_GENERAL_SETTINGS, DEFAULT_SHORTCUTS, DEFAULT_SYSTEM_MESSAGES } from '$shared/settings';
import { cleanMessages, nextRevision, storedGeneral, storedMessages } from './chatSettingsForm';

describe('storedGeneral', () => {
  it('opens on the defaults, with no version, before anything was saved', () => {
    expect(storedGeneral(null)).toEqual({ version: null, values: DEFAULT_GENERAL_SETTINGS });
  });

  it('takes stored values over defaults and drops keys the rules would refuse', () => {
    const stored = storedGeneral({
      revision: 7,
      general: { ...DEFAULT_GENERAL_SETTINGS, queueWaitSeconds: 45, legacy: 1 } as never,
    });
    expect(stored.version).toBe('7');
    expect(stored.values.queueWaitSeconds).toBe(45);
    expect(Object.keys(stored.values).sort()).toEqual(Object.keys(DEFAULT_GENERAL_SETTINGS).sort());
  });
});

describe('storedMessages', () => {
  it('fills missing system messages from the defaults and copies the shortcuts', () => {
    const stored = storedMessages({ revision: 2, messages: { welcome: 'Hi {userName}' } as never, shortcuts: [] });
    expect(stored.values.messages.welcome).toBe('Hi {userName}');
    expect(stored.values.messages.closed).toBe(DEFAULT_SYSTEM_MESSAGES.closed);
    expect(stored.values.shortcuts).toEqual([]);
    expect(storedMessages(undefined).values.shortcuts).toEqual(DEFAULT_SHORTCUTS);
  });
});

describe('nextRevision', () => {
  it('creates at 1 and otherwise adds one', () => {
    expect(nextRevision(null)).toBe(1);
    expect(nextRevision({ revision: 4 })).toBe(5);
  });
});

describe('cleanMessages', () => {
  it('trims texts and normalises shortcut keys typed with a slash or capitals', () => {
    const cleaned = cleanMessages({
      messages: { ...DEFAULT_SYSTEM_MESSAGES, welcome: '  Hello  ' },
      shortcuts: [{ key: ' /Thanks ', text: ' Thank you! ' }],
    });
    expect(cleaned.messages.welcome).toBe('Hello');
    expect(cleaned.shortcuts).toEqual([{ key: 'thanks', text: 'Thank you!' }]);
  });
});
