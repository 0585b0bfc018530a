#!/usr/bin/env node
// Bootstraps the first admin of a real project: `node scripts/grant-admin.mjs <email>`
// with GOOGLE_APPLICATION_CREDENTIALS (or gcloud application-default login) and
// GCLOUD_PROJECT set. Afterwards admins manage accounts in the app (Administration ›
// People); the account joins the People list the first time it signs in.
import { initializeApp, applicationDefault } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';

const email = process.argv[2];
if (!email || !email.includes('@')) {
  console.error('Usage: node scripts/grant-admin.mjs <email of an existing account>');
  process.exit(2);
}
const projectId = process.env.GCLOUD_PROJECT ?? process.env.GOOGLE_CLOUD_PROJECT;
if (!projectId) {
  console.error('Set GCLOUD_PROJECT to your Firebase project id.');
  process.exit(2);
}
const app = initializeApp({ credential: applicationDefault(), projectId });
try {
  const user = await getAuth(app).getUserByEmail(email);
  await getAuth(app).setCustomUserClaims(user.uid, { ...(user.customClaims ?? {}), role: 'admin' });
  await getFirestore(app)
    .doc(`users/${user.uid}`)
    .set({ role: 'admin', disabled: false, email, displayName: user.displayName ?? email }, { merge: true });
  console.log(`${email} (${user.uid}) is now an admin of ${projectId}. They must sign in again to get the claim.`);
} catch (error) {
  console.error(`Could not grant admin to ${email}: ${error.message}`);
  process.exit(1);
}
