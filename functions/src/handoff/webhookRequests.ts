// The hand-off callables' payload schemas, typed against shared/callables.ts.
import { z } from 'zod';
import type {
  RetryWebhookDeliveryRequest,
  RotateWebhookSecretRequest,
  SaveWebhookConfigRequest,
} from '../shared/callables';
import { WEBHOOK } from '../shared/catalogue';

const projectId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[^/]+$/, 'must be a project id');
const values = z.strictObject({ url: z.string().max(WEBHOOK.urlMaxLength), enabled: z.boolean() });

export const saveWebhookConfigSchema: z.ZodType<SaveWebhookConfigRequest> = z.strictObject({
  projectId,
  loaded: z.strictObject({ revision: z.number().int().min(0), values }),
  values,
});

export const rotateWebhookSecretSchema: z.ZodType<RotateWebhookSecretRequest> = z.strictObject({ projectId });

export const retryWebhookDeliverySchema: z.ZodType<RetryWebhookDeliveryRequest> = z.strictObject({
  eventId: z
    .string()
    .min(1)
    .max(400)
    .regex(/^[^/]+~\d+$/, 'must be an event id (caseId~revision)'),
});
