/**
 * `POST devSweep`: runs the sweeps now. Only in the emulator, where schedules never fire;
 * `npm start` calls it every 30 s and tests call it instead of waiting. Elsewhere: 404.
 */
import { errorBody } from '@comptoir/core';
import { onRequest } from 'firebase-functions/v2/https';
import { IN_EMULATOR } from '../config';
import { releaseIdleConversations } from '../sweeps/releaseIdleConversations';

export const devSweep = onRequest(async (req, res) => {
  if (!IN_EMULATOR) {
    res.status(404).json(errorBody('not-found', 'Not found.'));
    return;
  }
  if (req.method !== 'POST') {
    res.status(405).json(errorBody('method-not-allowed', 'Use POST.'));
    return;
  }
  res.json({ released: await releaseIdleConversations() });
});
