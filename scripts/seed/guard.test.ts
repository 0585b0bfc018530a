import { describe, expect, it } from 'vitest';
import { emulatorTarget } from './guard';

const emulators = { FIRESTORE_EMULATOR_HOST: '127.0.0.1:8080', FIREBASE_AUTH_EMULATOR_HOST: '127.0.0.1:9099' };

describe('emulatorTarget', () => {
  it('allows a demo- project with both emulators set', () => {
    expect(emulatorTarget('demo-helpdesk', emulators)).toEqual({
      projectId: 'demo-helpdesk',
      firestoreHost: '127.0.0.1:8080',
      authHost: '127.0.0.1:9099',
    });
  });

  it('refuses a project id that could be real, even with the emulators set', () => {
    expect(() => emulatorTarget('helpdesk-prod', emulators)).toThrow(/only demo- projects/);
  });

  it('refuses when the Firestore emulator is not set', () => {
    const { FIRESTORE_EMULATOR_HOST: _, ...env } = emulators;
    expect(() => emulatorTarget('demo-helpdesk', env)).toThrow(/FIRESTORE_EMULATOR_HOST not set/);
  });

  it('refuses when the Auth emulator is not set', () => {
    const env = { ...emulators, FIREBASE_AUTH_EMULATOR_HOST: '' };
    expect(() => emulatorTarget('demo-helpdesk', env)).toThrow(/FIREBASE_AUTH_EMULATOR_HOST not set/);
  });
});
