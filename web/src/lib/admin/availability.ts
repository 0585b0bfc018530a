// How a specialist's availability reads on staff screens. The rule itself is
// $shared/availability, the one routing applies.
import type { Availability } from '$shared/availability';

export const AVAILABILITY_LABEL: Record<Availability, string> = {
  available: 'Available',
  away: 'Away',
  offline: 'Not connected',
};
