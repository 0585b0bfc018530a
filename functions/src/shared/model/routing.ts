// What routing reads and keeps: presence, each specialist's load, each waiting line.
import type { AvailabilityChoice, Level } from '../catalogue';
import type { Time } from './time';

/**
 * queues/{projectId}~{level}: one waiting line as its waiting users see it,
 * functions only; readable by the project's members and specialists. A waiting
 * user computes their place from it and their conversation's ticket
 * (shared/queueLine.ts), so no event rewrites every waiting conversation, and
 * it changes only when places change (someone served or gone, someone back in
 * front) or nobody is on duty any more: arrivals touch only the tally.
 */
export interface QueueDoc {
  projectId: string;
  level: Level;
  /** The first ticket still waiting. */
  head: number;
  /** Tickets after the head that left the line early, ascending. */
  gone: number[];
  /** True while nobody of this level is on duty: waiting users are offered to leave a message. */
  nobodyAvailable: boolean;
  updatedAt: Time;
}

/** queueTallies/{projectId}~{level}: the line's counters only functions need; closed to clients. */
export interface QueueTallyDoc {
  projectId: string;
  level: Level;
  /** The next ticket to give. */
  tail: number;
  /** Conversations with a ticket, waiting (tail - head - gone); the sweep looks at lines with waiting > 0. */
  waiting: number;
  updatedAt: Time;
}

/** queueLeases/{projectId}~{level}: functions only; the one routing pass draining a line (routing/lease.io.ts). */
export interface QueueLeaseDoc {
  holder: string;
  /** The lease lapses after this, should its holder die. */
  until: Time;
  /** Another event asked for one more look before the holder lets go. */
  again: boolean;
}

/** Functions only: what a specialist is serving now; capacity checks read it in transactions. */
export interface SpecialistLoadDoc {
  activeConversationIds: string[];
  updatedAt: Time;
  /** When routing or a transfer last gave them a conversation; breaks ties between equally busy specialists. */
  lastAssignedAt?: Time;
}

export interface PresenceDoc {
  /** What the specialist chose; availability also needs a fresh connection. */
  choice: AvailabilityChoice;
  /** One entry per open tab or device: connection id -> last sign of life. */
  connections: Record<string, Time>;
  updatedAt: Time;
  /** Functions only (RTDB mirror): time of the newest mirrored RTDB event, to drop out-of-order ones. */
  mirroredEventAt?: Time;
}
