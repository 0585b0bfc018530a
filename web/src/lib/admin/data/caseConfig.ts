// Writes of projects/{p}/caseConfig/{circumstance}: a transaction that refuses to
// overwrite a configuration someone else saved since the form loaded it.
import { doc, runTransaction, serverTimestamp } from 'firebase/firestore';
import { paths, type CaseCircumstance } from '$shared/catalogue';
import type { CaseConfigDoc } from '$shared/model';
import { firebase } from '$lib/firebase/app';
import { ChangedElsewhereError, changedElsewhere, type Stored } from '../concurrency';
import { storedCaseConfig, type CaseConfigValues } from '../caseConfigForm';

export async function saveCaseConfig(
  projectId: string,
  circumstance: CaseCircumstance,
  loaded: Stored<CaseConfigValues>,
  values: CaseConfigValues,
  adminUid: string,
): Promise<null> {
  const { db } = firebase();
  const ref = doc(db, paths.caseConfig(projectId, circumstance));
  await runTransaction(db, async (tx) => {
    const snapshot = await tx.get(ref);
    const current = storedCaseConfig(snapshot.exists() ? (snapshot.data() as CaseConfigDoc) : null);
    if (changedElsewhere(loaded, current)) throw new ChangedElsewhereError(current);
    tx.set(ref, { ...values, updatedAt: serverTimestamp(), updatedBy: adminUid });
  });
  // The new version is the server's timestamp, which the live snapshot brings.
  return null;
}
