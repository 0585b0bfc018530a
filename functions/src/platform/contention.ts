// Transactions that touch the same queue collide, above all in the emulator,
// which locks pessimistically and aborts the loser. The SDK already retries a
// few times; this repeats a whole pass with backoff when even that gives up.
// No SDK import: error codes are checked by value so this is unit-tested alone.

/** gRPC codes of contention: ABORTED, DEADLINE_EXCEEDED (lock wait), UNAVAILABLE. */
const CONTENTION_CODES = new Set<number | string>([10, 4, 14, 'aborted', 'deadline-exceeded', 'unavailable']);

export function isContention(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if ((typeof code === 'number' || typeof code === 'string') && CONTENTION_CODES.has(code)) return true;
  // A transaction the emulator (or Firestore, past its time limit) closed under the caller is
  // reported as INVALID_ARGUMENT; a fresh transaction is the whole remedy.
  return (
    typeof message === 'string' && /transaction lock timeout|contention|transaction is invalid or closed/i.test(message)
  );
}

export interface RetryOptions {
  attempts?: number;
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `work`, repeating it after contention with jittered exponential backoff; other errors pass through. */
export async function withContentionRetry<T>(work: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { attempts = 5, baseDelayMs = 200, sleep = pause, random = Math.random } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isContention(error)) throw error;
      await sleep(baseDelayMs * 2 ** (attempt - 1) * (0.5 + random()));
    }
  }
}
