// What each care level does, in one place: Level 1 serves the conversations
// users start; Level 2 serves only the conversations a Level 1 specialist
// transfers to it. Routing, the transfer callable, the desk's actions and the
// admin's association screen all ask here.
import { isLevel, type Level } from './catalogue';

/** Where every conversation a user starts begins. */
export const ENTRY_LEVEL: Level = 1;

/** Where a transfer sends a conversation. */
export const ESCALATION_LEVEL: Level = 2;

/** A specialist serving at `level` may hand the conversation up to Level 2. */
export function mayTransferUp(level: Level): boolean {
  return level === ENTRY_LEVEL;
}

/** What a care level does, as the admin reads it when associating specialists. */
export const LEVEL_DUTY: Record<Level, string> = {
  1: 'answers the conversations users start',
  2: 'receives the conversations Level 1 transfers',
};

export { isLevel };
