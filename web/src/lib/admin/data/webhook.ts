// The service-desk webhook through its callables: functions write the config
// (the URL rule cannot be bypassed), generate the secret and retry deliveries.
// A save names the revision and values its form loaded; when another admin saved
// other values since, nothing is saved and the form is offered theirs.
import { PUBLIC_FIREBASE_EMULATORS } from '$env/static/public';
import type {
  RetryWebhookDeliveryRequest,
  RetryWebhookDeliveryResult,
  RotateWebhookSecretRequest,
  RotateWebhookSecretResult,
  SaveWebhookConfigRequest,
  SaveWebhookConfigResult,
  WebhookConfigValues,
} from '$shared/callables';
import { CALLABLES } from '$shared/catalogue';
import { callable } from '$lib/firebase/callable';
import { callableErrorMessage } from '$lib/firebase/errors';
import { parseEmulatorHosts } from '$lib/firebase/emulators';
import { ChangedElsewhereError, type Stored } from '../concurrency';
import { revisionOf } from '../webhookForm';

/** Builds for the emulators accept a local receiver (shared/webhookUrl.ts); the callable decides either way. */
export const onEmulators = (() => {
  try {
    return parseEmulatorHosts(PUBLIC_FIREBASE_EMULATORS) !== null;
  } catch {
    return false;
  }
})();

async function call<Req, Res>(name: string, data: Req, action: string): Promise<Res> {
  const run = await callable<Req, Res>(name);
  try {
    return (await run(data)).data;
  } catch (error) {
    throw new Error(callableErrorMessage(error, action), { cause: error });
  }
}

export async function saveWebhook(
  projectId: string,
  loaded: Stored<WebhookConfigValues>,
  values: WebhookConfigValues,
): Promise<string> {
  const result = await call<SaveWebhookConfigRequest, SaveWebhookConfigResult>(
    CALLABLES.saveWebhookConfig,
    { projectId, loaded: { revision: revisionOf(loaded), values: loaded.values }, values },
    'save the webhook',
  );
  if (result.outcome === 'changed-elsewhere') {
    throw new ChangedElsewhereError({ version: String(result.current.revision), values: result.current.values });
  }
  return String(result.revision);
}

export async function rotateSecret(projectId: string): Promise<string> {
  const result = await call<RotateWebhookSecretRequest, RotateWebhookSecretResult>(
    CALLABLES.rotateWebhookSecret,
    { projectId },
    'generate a secret',
  );
  return result.secret;
}

export function retryDelivery(eventId: string): Promise<RetryWebhookDeliveryResult> {
  return call<RetryWebhookDeliveryRequest, RetryWebhookDeliveryResult>(
    CALLABLES.retryWebhookDelivery,
    { eventId },
    'retry the delivery',
  );
}
