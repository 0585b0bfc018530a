// Entry point: only re-exports the deployed functions (`*.fn.ts`). Each concept
// lives in its own folder; layout.test.ts says how files are named.
import './platform/options';

export { setRole } from './roles/setRole.fn';
export { createAccount } from './roles/createAccount.fn';
export { setAccountDisabled } from './roles/setAccountDisabled.fn';
export { recordSignIn } from './roles/recordSignIn.fn';
export { importAccounts } from './roles/importAccounts.fn';
export { onProjectMemberWritten } from './roles/onMembershipWritten.fn';
export { saveGroup, deleteGroup } from './groups/groups.fn';
export { saveProject, setProjectMembers } from './projects/projects.fn';
export { mirrorPresence } from './presence/mirrorPresence.fn';
export { onOfflineMessageCreated } from './cases/onOfflineMessageCreated.fn';
export { convertToCase } from './cases/convertToCase.fn';
export { updateCase } from './cases/updateCase.fn';
export { onRatingCreated } from './ratings/onRatingCreated.fn';
export { onConversationCreated, onConversationUpdated } from './conversations/lifecycle.fn';
export { sweepConversations } from './conversations/sweepConversations.fn';
export { onPresenceWritten, onProjectSpecialistWritten } from './routing/routingTriggers.fn';
export { onChatSettingsWritten } from './settings/onChatSettingsWritten.fn';
export { transferToLevel2 } from './transfer/transferToLevel2.fn';
export { onCaseWritten } from './handoff/onCaseWritten.fn';
export { onWebhookDeliveryCreated } from './handoff/onWebhookDeliveryCreated.fn';
export { retryWebhookDeliveries } from './handoff/retryWebhookDeliveries.fn';
export { saveWebhookConfig, rotateWebhookSecret, retryWebhookDelivery } from './handoff/webhookAdmin.fn';
