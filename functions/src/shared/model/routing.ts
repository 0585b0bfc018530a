// What routing reads and keeps: presence, each specialist's load, each waiting line.
import type { AvailabilityChoice, Level } from '../catalogue';
import type { Time } from './time';

/** queues/{projectId}~{level}: functions only; lets the sweep find waiting lines without scanning conversations. */
export interface QueueDoc {
  projectId: string;
  level: Level;
  /** Conversations waiting, as the last routing pass counted them. */
  waiting: number;
  updatedAt: Time;
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
