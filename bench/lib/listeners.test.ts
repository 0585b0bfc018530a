import { describe, expect, it } from 'vitest';
import { Arrivals, deadline, sleep } from './listeners';

describe('Arrivals', () => {
  it('times from expect to seen, for the key seen only', async () => {
    const arrivals = new Arrivals();
    const mine = arrivals.expect('msg:a@user');
    await sleep(20);
    arrivals.seen('msg:a@specialist');
    arrivals.seen('msg:a@user');
    const ms = await arrivals.within('msg:a@user', mine, 1000);
    expect(ms).not.toBeNull();
    expect(ms!).toBeGreaterThanOrEqual(15);
  });

  it('gives null after the deadline and ignores a late sighting', async () => {
    const arrivals = new Arrivals();
    const late = arrivals.expect('case:c@user');
    expect(await arrivals.within('case:c@user', late, 20)).toBeNull();
    expect(() => arrivals.seen('case:c@user')).not.toThrow();
  });

  it('cancels a wait whose write failed', async () => {
    const arrivals = new Arrivals();
    const never = arrivals.expect('msg:b@user');
    arrivals.cancel('msg:b@user');
    arrivals.seen('msg:b@user');
    expect(await arrivals.within('msg:b@user', never, 20)).toBeNull();
  });
});

describe('deadline', () => {
  it('passes a value through in time and rejects with what was awaited after it', async () => {
    await expect(deadline(Promise.resolve(7), 100, 'quick')).resolves.toBe(7);
    await expect(deadline(sleep(200), 20, 'write of m1')).rejects.toThrow('write of m1: nothing after 20 ms');
  });
});
