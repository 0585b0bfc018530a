// The setRole payload; no SDK so it is unit-tested alone. Who may lose admin
// powers is decided in accessChange.ts.
import { z } from 'zod';
import type { SetRoleRequest } from '../shared/callables';
import { ROLES } from '../shared/catalogue';

export const setRoleSchema: z.ZodType<SetRoleRequest> = z.strictObject({
  uid: z.string().min(1).max(128),
  role: z.enum(ROLES),
});
export type SetRoleInput = SetRoleRequest;
