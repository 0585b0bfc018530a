// What routing reads and keeps: presence, each specialist's load, each waiting line.
import type { AvailabilityChoice, Level } from '../catalogue';
import type { Time } from './time';

/**
 * queues/{projectId}~{level}: one waiting line, functions only; readable by the
 * project's members and specialists. Waiting users compute their place from it
 * and their conversation's ticket (shared/queueLine.ts), so no event rewrites
 * every waiting conversation.
 */
export interface QueueDoc {
  projectId: string;
  level: Level;
  /** The first ticket still waiting (= tail when nobody waits). */
  head: number;
  /** The next ticket to give. */
  tail: number;
  /** Tickets between head and tail that left the line early, ascending. */
  gone: number[];
  /** Conversations with a ticket, waiting (tail - head - gone); the sweep looks at lines with waiting > 0. */
  waiting: number;
  /** True while nobody of this level is on duty: waiting users are offered to leave a message. */
  nobodyAvailable: boolean;
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
