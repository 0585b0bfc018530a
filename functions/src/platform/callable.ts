// Shared guard rails for callables: caller's role first, then the payload schema.
import { HttpsError, type CallableRequest } from 'firebase-functions/v2/https';
import { logger } from 'firebase-functions/v2';
import type { z } from 'zod';
import { paths, type Role } from '../shared/catalogue';
import type { UserDoc } from '../shared/model';
import { db } from './admin';

export interface Caller {
  uid: string;
  role: Role;
}

/**
 * The caller, if their account has one of `roles` now. The role is read from
 * users/{uid} as the security rules do: the ID token's claim outlives a
 * demotion or a disabled account by up to an hour.
 */
export async function requireRole(request: CallableRequest, ...roles: Role[]): Promise<Caller> {
  if (!request.auth) throw new HttpsError('unauthenticated', 'Sign in first.');
  const account = (await db.doc(paths.user(request.auth.uid)).get()).data() as UserDoc | undefined;
  if (account?.disabled === true) throw new HttpsError('permission-denied', 'This account is disabled.');
  const role = account?.role;
  if (!role || !roles.includes(role)) {
    throw new HttpsError('permission-denied', `Only ${roles.join(' or ')} accounts may do this.`);
  }
  return { uid: request.auth.uid, role };
}

export function parsePayload<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    const detail = result.error.issues
      .map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`)
      .join('; ');
    throw new HttpsError('invalid-argument', detail);
  }
  return result.data;
}

/** Lets `HttpsError`s through; logs anything else and hides its detail from the caller. */
export async function guarded<T>(name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HttpsError) throw error;
    logger.error(`${name} failed`, error);
    throw new HttpsError('internal', `${name} failed unexpectedly; it has been logged.`);
  }
}
