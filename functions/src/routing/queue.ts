// Queue bookkeeping shown to waiting users: their place in line and whether
// anybody is on duty at all. Pure; routeProject writes what it returns.

/** What a queued conversation currently shows. */
export interface QueuedView {
  id: string;
  queuePosition: number | null;
  nobodyAvailable: boolean;
}

export interface QueueUpdate {
  id: string;
  queuePosition: number;
  nobodyAvailable: boolean;
}

/** 1-based positions of conversations given oldest first. */
export function queuePositions(orderedIds: readonly string[]): Map<string, number> {
  return new Map(orderedIds.map((id, index) => [id, index + 1]));
}

/**
 * The writes that bring every queued conversation (oldest first) to its true
 * position and nobody-available flag; conversations already right are left
 * out, so a repeated pass writes nothing.
 */
export function queueUpdates(ordered: readonly QueuedView[], nobodyAvailable: boolean): QueueUpdate[] {
  const positions = queuePositions(ordered.map((c) => c.id));
  return ordered.flatMap((c) => {
    const queuePosition = positions.get(c.id)!;
    return c.queuePosition === queuePosition && c.nobodyAvailable === nobodyAvailable
      ? []
      : [{ id: c.id, queuePosition, nobodyAvailable }];
  });
}
