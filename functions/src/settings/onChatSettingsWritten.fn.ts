// The one trigger on settings/chat: what a change of the General tab means for
// conversations in progress. A capacity raise lets busy specialists take waiting
// users at once (not at the next sweep); a change to "show specialist names"
// reaches every conversation being served.
import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { paths } from '../shared/catalogue';
import type { ChatSettingsDoc } from '../shared/model';
import { applyNameVisibility } from '../conversations/nameVisibility.io';
import { capacityRaised, nameVisibilityChange } from './settingsChange';
import { drainQueue } from '../routing/drainQueue.io';
import { waitingQueues } from '../routing/waitingQueues.io';

export const onChatSettingsWritten = onDocumentWritten(paths.chatSettings(), async (event) => {
  const before = event.data?.before.data() as ChatSettingsDoc | undefined;
  const after = event.data?.after.data() as ChatSettingsDoc | undefined;
  if (nameVisibilityChange(before, after) !== null) await applyNameVisibility();
  if (capacityRaised(before, after)) {
    for (const queue of await waitingQueues()) await drainQueue(queue.projectId, queue.level);
  }
});
