/** Emails the merchant when a shopper leaves a message through the offline form. */
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { deliverOfflineMessage } from '../email/deliverOfflineMessage';
import { SENDGRID_API_KEY } from '../email/sendgrid';

export const onOfflineMessageCreated = onDocumentCreated(
  { document: 'stores/{storeId}/offlineMessages/{messageId}', secrets: [SENDGRID_API_KEY] },
  async (event) => {
    await deliverOfflineMessage(event.params.storeId, event.params.messageId);
  },
);
