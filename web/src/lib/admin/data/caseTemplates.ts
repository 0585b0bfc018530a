// Writes of caseTemplates/{t}, and which projects' chat cases use a template, so
// the screen can say what an edit or a deletion would break.
import { collection, deleteDoc, doc, getDocs, runTransaction, serverTimestamp, setDoc } from 'firebase/firestore';
import { CASE_CIRCUMSTANCES, COLLECTIONS, SUBCOLLECTIONS, paths, type CaseCircumstance } from '$shared/catalogue';
import type { CaseConfigDoc, CaseTemplateDoc } from '$shared/model';
import { firebase } from '$lib/firebase/app';
import { ChangedElsewhereError, changedElsewhere, type Stored } from '../concurrency';
import { storedCaseTemplate, type CaseTemplateValues } from '../caseTemplateForm';

/** Creates a template under a generated id; returns the id. */
export async function createCaseTemplate(values: CaseTemplateValues): Promise<string> {
  const { db } = firebase();
  const ref = doc(collection(db, COLLECTIONS.caseTemplates));
  await setDoc(ref, { ...values, updatedAt: serverTimestamp() });
  return ref.id;
}

export async function updateCaseTemplate(
  templateId: string,
  loaded: Stored<CaseTemplateValues>,
  values: CaseTemplateValues,
): Promise<null> {
  const { db } = firebase();
  const ref = doc(db, paths.caseTemplate(templateId));
  await runTransaction(db, async (tx) => {
    const snapshot = await tx.get(ref);
    if (!snapshot.exists()) throw Object.assign(new Error('The template was deleted.'), { code: 'not-found' });
    const current = storedCaseTemplate(snapshot.data() as CaseTemplateDoc);
    if (changedElsewhere(loaded, current)) throw new ChangedElsewhereError(current);
    tx.set(ref, { ...values, updatedAt: serverTimestamp() });
  });
  return null;
}

export async function deleteCaseTemplate(templateId: string): Promise<void> {
  await deleteDoc(doc(firebase().db, paths.caseTemplate(templateId)));
}

export interface TemplateUse {
  projectId: string;
  circumstance: CaseCircumstance;
}

/** Where chat cases are configured with this template, across the given projects. */
export async function templateUses(templateId: string, projectIds: readonly string[]): Promise<TemplateUse[]> {
  const { db } = firebase();
  const perProject = await Promise.all(
    projectIds.map(async (projectId) => {
      const configs = await getDocs(collection(db, COLLECTIONS.projects, projectId, SUBCOLLECTIONS.caseConfig));
      return configs.docs
        .filter((d) => (d.data() as CaseConfigDoc).templateId === templateId)
        .filter((d) => (CASE_CIRCUMSTANCES as readonly string[]).includes(d.id))
        .map((d) => ({ projectId, circumstance: d.id as CaseCircumstance }));
    }),
  );
  return perProject.flat();
}
