// The Admin SDK, initialised once per function instance.
import { getApps, initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';

// Tests may create named apps first; only the default app matters here.
if (!getApps().some((app) => app.name === '[DEFAULT]')) initializeApp();

export const db = getFirestore();
export const auth = getAuth();
