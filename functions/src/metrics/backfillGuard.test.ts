import { describe, expect, it } from 'vitest';
import { backfillTarget, parseBackfillArgs } from './backfillGuard';

const emulator = { FIRESTORE_EMULATOR_HOST: '127.0.0.1:8080' };

describe('parseBackfillArgs', () => {
  it('reads --check, repeated --specialist and --project', () => {
    expect(parseBackfillArgs(['--check', '--specialist', 'ann', '--specialist', 'bob', '--project', 'acme'])).toEqual({
      projectId: 'acme',
      specialistIds: ['ann', 'bob'],
      checkOnly: true,
      help: false,
    });
    expect(parseBackfillArgs([])).toEqual({ projectId: null, specialistIds: [], checkOnly: false, help: false });
  });

  it('refuses unknown arguments and a flag without its value', () => {
    expect(() => parseBackfillArgs(['--dry-run'])).toThrow(/Unknown argument "--dry-run"/);
    expect(() => parseBackfillArgs(['--project'])).toThrow(/--project needs a value/);
    expect(() => parseBackfillArgs(['--specialist', '--check'])).toThrow(/--specialist needs a value/);
  });
});

describe('backfillTarget', () => {
  it('runs against the emulators with the demo project by default', () => {
    expect(backfillTarget({ projectId: null }, emulator)).toEqual({
      projectId: 'demo-helpdesk',
      emulatorHost: '127.0.0.1:8080',
    });
    expect(backfillTarget({ projectId: null }, { ...emulator, GCLOUD_PROJECT: 'demo-other' }).projectId).toBe(
      'demo-other',
    );
  });

  it('refuses a demo project without the emulator', () => {
    expect(() => backfillTarget({ projectId: null }, {})).toThrow(/FIRESTORE_EMULATOR_HOST is not set/);
  });

  it('refuses a real project taken from the environment, or without credentials', () => {
    expect(() =>
      backfillTarget({ projectId: null }, { GCLOUD_PROJECT: 'acme-prod', GOOGLE_APPLICATION_CREDENTIALS: 'key.json' }),
    ).toThrow(/name it with --project acme-prod/);
    expect(() => backfillTarget({ projectId: 'acme-prod' }, {})).toThrow(/GOOGLE_APPLICATION_CREDENTIALS/);
  });

  it('allows a real project named with --project and credentials', () => {
    expect(backfillTarget({ projectId: 'acme-prod' }, { GOOGLE_APPLICATION_CREDENTIALS: 'key.json' })).toEqual({
      projectId: 'acme-prod',
      emulatorHost: null,
    });
  });
});
