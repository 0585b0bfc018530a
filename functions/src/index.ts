// Entry point: only re-exports. Each concept lives in its own folder.
import './platform/options';

export { setRole } from './roles/setRole';
export { mirrorPresence } from './presence/mirror';
export { onOfflineMessageCreated } from './cases/onOfflineMessageCreated';
export { convertToCase } from './cases/convertToCase';
export { onRatingCreated } from './ratings/onRatingCreated';
export { onConversationCreated, onConversationUpdated } from './conversations/lifecycle';
export { sweepConversations } from './conversations/sweepConversations';
export { onPresenceWritten, onProjectSpecialistWritten } from './routing/triggers';
export { onChatSettingsWritten } from './settings/onChatSettingsWritten';
export { transferToLevel2 } from './transfer/transferToLevel2';
export { onConversationClosedForMetrics } from './metrics/onConversationClosedForMetrics';
