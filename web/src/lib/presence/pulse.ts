// A repeating async job: runs now, then `intervalMs` after each run settles, so a
// write stuck offline never piles up more writes behind it. Pure: timers are injected.

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface Pulse {
  /** Starts beating (one beat now); does nothing if already running. */
  start(): void;
  /** Stops future beats; a beat in flight finishes on its own. */
  stop(): void;
  readonly running: boolean;
}

export interface PulseOptions {
  intervalMs: number;
  timers: Timers;
  /** A failed beat is reported and the next one is still scheduled. */
  onError: (error: unknown) => void;
}

export function createPulse(beat: () => Promise<void>, { intervalMs, timers, onError }: PulseOptions): Pulse {
  let handle: unknown = null;
  // Bumped by every start/stop, so a beat finishing after stop (or after a
  // stop + start) does not schedule a second chain of beats.
  let run = 0;
  let running = false;

  async function fire(mine: number) {
    handle = null;
    try {
      await beat();
    } catch (error) {
      onError(error);
    }
    if (running && mine === run) handle = timers.setTimeout(() => void fire(mine), intervalMs);
  }

  return {
    start() {
      if (running) return;
      running = true;
      void fire(++run);
    },
    stop() {
      running = false;
      run++;
      if (handle !== null) timers.clearTimeout(handle);
      handle = null;
    },
    get running() {
      return running;
    },
  };
}
