// Writes of settings/chat and settings/chatMessages. Each save is a transaction
// that reads the stored document, refuses to overwrite someone else's newer
// values (ChangedElsewhereError) and writes the whole document with the next
// revision, as firestore.rules require.
import { doc, runTransaction, serverTimestamp, type DocumentData } from 'firebase/firestore';
import { paths } from '$shared/catalogue';
import type { ChatMessagesDoc, ChatSettingsDoc, GeneralSettings } from '$shared/model';
import { firebase } from '$lib/firebase/app';
import { ChangedElsewhereError, changedElsewhere, type Stored } from '../concurrency';
import { nextRevision, pickGeneral, storedGeneral, storedMessages, type MessagesValues } from '../chatSettingsForm';

/** Switches chat on or off, keeping the stored General values. Returns the new revision. */
export async function setChatEnabled(enabled: boolean, adminUid: string): Promise<number> {
  const { db } = firebase();
  const ref = doc(db, paths.chatSettings());
  return runTransaction(db, async (tx) => {
    const stored = (await tx.get(ref)).data() as ChatSettingsDoc | undefined;
    const revision = nextRevision(stored);
    tx.set(ref, {
      enabled,
      general: pickGeneral(stored?.general),
      revision,
      updatedAt: serverTimestamp(),
      updatedBy: adminUid,
    });
    return revision;
  });
}

export async function saveGeneral(
  loaded: Stored<GeneralSettings>,
  general: GeneralSettings,
  adminUid: string,
): Promise<string> {
  const { db } = firebase();
  const ref = doc(db, paths.chatSettings());
  return runTransaction(db, async (tx) => {
    const stored = (await tx.get(ref)).data() as ChatSettingsDoc | undefined;
    const current = storedGeneral(stored);
    if (changedElsewhere(loaded, current)) throw new ChangedElsewhereError(current);
    const revision = nextRevision(stored);
    const data: DocumentData = {
      // A settings document saved for the first time starts with chat off: switching it on is its own decision.
      enabled: stored?.enabled === true,
      general,
      revision,
      updatedAt: serverTimestamp(),
      updatedBy: adminUid,
    };
    tx.set(ref, data);
    return String(revision);
  });
}

export async function saveMessages(
  loaded: Stored<MessagesValues>,
  values: MessagesValues,
  adminUid: string,
): Promise<string> {
  const { db } = firebase();
  const ref = doc(db, paths.chatMessages());
  return runTransaction(db, async (tx) => {
    const stored = (await tx.get(ref)).data() as ChatMessagesDoc | undefined;
    const current = storedMessages(stored);
    if (changedElsewhere(loaded, current)) throw new ChangedElsewhereError(current);
    const revision = nextRevision(stored);
    tx.set(ref, {
      messages: values.messages,
      shortcuts: values.shortcuts,
      revision,
      updatedAt: serverTimestamp(),
      updatedBy: adminUid,
    });
    return String(revision);
  });
}
