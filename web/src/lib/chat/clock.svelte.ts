// The current time as state, for displays that change with it (waiting times,
// typing freshness). Ticks for as long as the component that made it lives.
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
