// Where each role belongs in the app. Pure, so guards and redirects are unit-tested.
import { ROLES, type Role } from '$shared/catalogue';

/** Each audience's home; route groups (admin), (specialist), (user) live under these. */
export const HOME_BY_ROLE: Record<Role, string> = {
  admin: '/admin',
  specialist: '/specialist',
  user: '/chat',
};

export const AREA_NAME: Record<Role, string> = {
  admin: 'Administration',
  specialist: 'Specialist desk',
  user: 'Support chat',
};

/** The `role` custom claim, if it is one this app knows; anything else counts as no role. */
export function roleFromClaims(claims: Record<string, unknown>): Role | null {
  const role = claims.role;
  return typeof role === 'string' && (ROLES as readonly string[]).includes(role) ? (role as Role) : null;
}

/**
 * Where to go after signing in: the page the person asked for when it lies in
 * their own area (so a bookmark survives the sign-in), otherwise their home.
 * Only same-site paths are honoured, so `?next=` cannot send anyone elsewhere.
 */
export function landingFor(role: Role, next: string | null | undefined): string {
  const home = HOME_BY_ROLE[role];
  if (!next || !next.startsWith('/') || next.startsWith('//')) return home;
  const path = next.split(/[?#]/)[0] ?? '';
  return path === home || path.startsWith(`${home}/`) ? next : home;
}
