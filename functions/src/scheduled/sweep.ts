/** Every minute in production: free the slots of shoppers who left; send due reply emails. */
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { sendDueReplyEmails } from '../email/replyEmails';
import { SENDGRID_API_KEY } from '../email/sendgrid';
import { releaseIdleConversations } from '../sweeps/releaseIdleConversations';

export const sweep = onSchedule(
  { schedule: 'every 1 minutes', secrets: [SENDGRID_API_KEY] },
  async () => {
    await releaseIdleConversations();
    await sendDueReplyEmails();
  },
);
