import { describe, expect, it } from 'vitest';
import { changedElsewhere, changedKeys, onLiveChange, sameValues, stampVersion } from './concurrency';

describe('sameValues', () => {
  it('compares nested objects and arrays by value, ignoring key order', () => {
    expect(sameValues({ a: 1, b: [{ key: 'x', text: 'y' }] }, { b: [{ text: 'y', key: 'x' }], a: 1 })).toBe(true);
    expect(sameValues([1, 2], [2, 1])).toBe(false);
    expect(sameValues({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameValues({ a: null }, { a: 0 })).toBe(false);
    expect(sameValues([], {})).toBe(false);
    expect(sameValues('3', 3)).toBe(false);
  });
});

describe('changedElsewhere', () => {
  const loaded = { version: '4', values: { queueWaitSeconds: 120 } };

  it('is false while the version is the one loaded', () => {
    expect(changedElsewhere(loaded, { version: '4', values: { queueWaitSeconds: 120 } })).toBe(false);
  });

  it('is true when another version changed what the form edits', () => {
    expect(changedElsewhere(loaded, { version: '5', values: { queueWaitSeconds: 90 } })).toBe(true);
  });

  it('is false when another version left what the form edits alone (e.g. only the chat switch moved)', () => {
    expect(changedElsewhere(loaded, { version: '5', values: { queueWaitSeconds: 120 } })).toBe(false);
  });

  it('treats a document created since loading as a change when its values differ', () => {
    const never = { version: null, values: { queueWaitSeconds: 120 } };
    expect(changedElsewhere(never, { version: '1', values: { queueWaitSeconds: 60 } })).toBe(true);
    expect(changedElsewhere(never, { version: '1', values: { queueWaitSeconds: 120 } })).toBe(false);
  });
});

describe('changedKeys', () => {
  it('names exactly the keys whose values differ', () => {
    expect(changedKeys({ a: 1, b: [1], c: 'x' }, { a: 1, b: [2], c: 'y' })).toEqual(['b', 'c']);
    expect(changedKeys({ a: 1 }, { a: 1 })).toEqual([]);
  });
});

describe('stampVersion', () => {
  it('uses the timestamp in milliseconds, and null while unknown', () => {
    expect(stampVersion({ toMillis: () => 1700 })).toBe('1700');
    expect(stampVersion(null)).toBeNull();
    expect(stampVersion(undefined)).toBeNull();
  });
});

describe('onLiveChange', () => {
  const loaded = { version: '4', values: { wait: 120 } };

  it('ignores a snapshot of what was loaded', () => {
    expect(onLiveChange(loaded, { version: '4', values: { wait: 120 } }, { wait: 90 })).toBe('ignore');
  });

  it('acknowledges stored values equal to what the form shows (its own save arriving)', () => {
    expect(onLiveChange(loaded, { version: '5', values: { wait: 90 } }, { wait: 90 })).toBe('acknowledge');
  });

  it('takes only the version when another part of the document changed', () => {
    expect(onLiveChange(loaded, { version: '5', values: { wait: 120 } }, { wait: 90 })).toBe('take-version');
  });

  it('refreshes a form without edits, and holds back new values from a form with edits', () => {
    expect(onLiveChange(loaded, { version: '5', values: { wait: 60 } }, { wait: 120 })).toBe('refresh');
    expect(onLiveChange(loaded, { version: '5', values: { wait: 60 } }, { wait: 90 })).toBe('hold');
  });
});
