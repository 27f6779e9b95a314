/** Emails the invitee when the owner invites an operator (inviteOperator). */
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { deliverInvitation } from '../email/deliverInvitation';
import { SENDGRID_API_KEY } from '../email/sendgrid';

export const onInvitationCreated = onDocumentCreated(
  { document: 'stores/{storeId}/invitations/{invitationId}', secrets: [SENDGRID_API_KEY] },
  async (event) => {
    await deliverInvitation(event.params.storeId, event.params.invitationId);
  },
);
