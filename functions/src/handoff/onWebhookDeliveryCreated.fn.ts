// Trigger: a new delivery is sent at once, and after a short pause once more if
// the desk did not take it (WEBHOOK.inProcessAttempts); what still fails waits
// for the minute retry. Not retried by the platform: a failed attempt is
// recorded on the delivery, and the minute retry picks up one whose runner died.
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { logger } from 'firebase-functions/v2';
import { COLLECTIONS, WEBHOOK } from '../shared/catalogue';
import { attemptDelivery, DeliveryNotClaimed } from './deliveries.io';

export async function deliverFresh(eventId: string): Promise<void> {
  for (let attempt = 1; attempt <= WEBHOOK.inProcessAttempts; attempt++) {
    try {
      const delivery = await attemptDelivery(eventId, 'due');
      if (delivery.status !== 'pending' || attempt === WEBHOOK.inProcessAttempts) return;
    } catch (error) {
      if (error instanceof DeliveryNotClaimed) return; // another runner has it, or it is done
      throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, WEBHOOK.inProcessPauseMs));
  }
}

export const onWebhookDeliveryCreated = onDocumentCreated(
  { document: `${COLLECTIONS.webhookDeliveries}/{eventId}`, timeoutSeconds: 60 },
  async (event) => {
    try {
      await deliverFresh(event.params.eventId);
    } catch (error) {
      logger.error('webhook delivery: first attempts failed to run; the minute retry will pick it up', {
        eventId: event.params.eventId,
        error,
      });
    }
  },
);
