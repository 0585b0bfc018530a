// Whether a presence write matters to routing. Pure.
import type { PresenceDoc } from '../shared/model';
import { becameAvailable } from '../shared/availability';

/**
 * True when the write puts the specialist on duty (chose available with a live
 * connection) or takes them off it, judged at the write's time.
 */
export function dutyChanged(before: PresenceDoc | undefined, after: PresenceDoc | undefined, atMs: number): boolean {
  return becameAvailable(before, after, atMs) || becameAvailable(after, before, atMs);
}
