// The current time as state, for judgements that expire (presence TTL) without
// any document changing. Create while a component initialises.
export class Clock {
  now = $state(Date.now());

  constructor(intervalMs: number) {
    $effect(() => {
      const timer = setInterval(() => (this.now = Date.now()), intervalMs);
      return () => clearInterval(timer);
    });
  }
}
