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

/** What the app knows of the signed-in account, from its users/{uid} document. */
export interface AccountView {
  /** Null without a role this app knows, or while the account is disabled. */
  role: Role | null;
  displayName: string | null;
  disabled: boolean;
}

/**
 * Reads users/{uid} as the security rules do (the document, not the ID token's
 * claim, is the role's one source), so a screen never offers what the rules refuse.
 */
export function accountFrom(data: Record<string, unknown> | undefined): AccountView {
  const disabled = data?.disabled === true;
  const role = data?.role;
  const known = typeof role === 'string' && (ROLES as readonly string[]).includes(role) ? (role as Role) : null;
  const displayName = typeof data?.displayName === 'string' && data.displayName ? data.displayName : null;
  return { role: disabled ? null : known, displayName, disabled };
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
