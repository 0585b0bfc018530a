// The typing indicator's timing. Writes are throttled so a fast typist stays far
// below Firestore's sustained write rate per document; the reader shows the
// indicator only while the last sign is fresh. Pure: times are passed in.
import { TYPING } from '$shared/catalogue';

/** True when a keystroke at `nowMs` should write the typing document again. */
export function shouldSignalTyping(
  lastSignalMs: number | null,
  nowMs: number,
  throttleMs: number = TYPING.throttleMs,
): boolean {
  return lastSignalMs === null || nowMs - lastSignalMs >= throttleMs;
}

/**
 * Beyond this the two clocks are assumed not to disagree; it only guards against
 * a leftover document from a tab that closed long ago looking fresh on arrival.
 */
export const CLOCK_SKEW_ALLOWANCE_MS = 60_000;

export interface TypingSign {
  /** Server time the other side wrote (null while their write is pending). */
  atMs: number | null;
  /** This browser's time when the sign arrived here. */
  receivedAtMs: number;
}

/**
 * Fresh while it arrived less than `freshMs` ago by this browser's clock, so a
 * browser clock that runs ahead or behind the server's does not hide or
 * prolong the indicator; a sign the server stamped long ago never counts.
 */
export function isTypingFresh(sign: TypingSign | null, nowMs: number, freshMs: number = TYPING.freshMs): boolean {
  if (!sign) return false;
  if (nowMs - sign.receivedAtMs >= freshMs) return false;
  return sign.atMs === null || nowMs - sign.atMs < freshMs + CLOCK_SKEW_ALLOWANCE_MS;
}
