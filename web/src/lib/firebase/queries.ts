// The Firestore queries the app listens to, named for what they answer. Kept here
// so components ask for "my memberships" rather than build paths themselves.
import { collection, collectionGroup, orderBy, query, where, type Firestore, type Query } from 'firebase/firestore';
import { COLLECTIONS, SUBCOLLECTIONS } from '$shared/catalogue';

/** Every project; only admins may list them (others `get` the projects they belong to). */
export const allProjects = (db: Firestore): Query => query(collection(db, COLLECTIONS.projects), orderBy('name'));

export const projectSpecialists = (db: Firestore, projectId: string): Query =>
  collection(db, COLLECTIONS.projects, projectId, SUBCOLLECTIONS.specialists);

/**
 * The member documents of one account across all projects. The `uid` filter is what
 * the rules require of a collection-group read, and needs a collection-group index.
 */
export const membershipsOf = (db: Firestore, uid: string): Query =>
  query(collectionGroup(db, SUBCOLLECTIONS.members), where('uid', '==', uid));

/** The projects a specialist serves, as their specialists/{uid} documents. */
export const servicesOf = (db: Firestore, uid: string): Query =>
  query(collectionGroup(db, SUBCOLLECTIONS.specialists), where('uid', '==', uid));
