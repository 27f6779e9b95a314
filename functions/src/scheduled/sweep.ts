/** Every minute in production: free the slots of shoppers who left. */
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { releaseIdleConversations } from '../sweeps/releaseIdleConversations';

export const sweep = onSchedule('every 1 minutes', async () => {
  await releaseIdleConversations();
});
