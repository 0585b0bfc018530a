// The current time as state, for what changes with it and no document: waiting
// times, typing freshness, presence that expires (TTL). Ticks for as long as the
// component that made it lives; create it while that component initialises.
export class Clock {
  now = $state(Date.now());

  constructor(intervalMs = 1_000) {
    $effect(() => {
      const handle = setInterval(() => (this.now = Date.now()), intervalMs);
      return () => clearInterval(handle);
    });
  }
}

export const clock = (intervalMs?: number) => new Clock(intervalMs);
