/**
 * `POST devSweep`: runs the sweeps now (idle conversations, due reply emails). Only in the emulator, where schedules never fire;
 * `npm start` calls it every 30 s and tests call it instead of waiting. Elsewhere: 404.
 */
import { errorBody } from '@comptoir/core';
import { onRequest } from 'firebase-functions/v2/https';
import { IN_EMULATOR } from '../config';
import { sendDueReplyEmails } from '../email/replyEmails';
import { SENDGRID_API_KEY } from '../email/sendgrid';
import { releaseIdleConversations } from '../sweeps/releaseIdleConversations';

export const devSweep = onRequest({ secrets: [SENDGRID_API_KEY] }, async (req, res) => {
  if (!IN_EMULATOR) {
    res.status(404).json(errorBody('not-found', 'Not found.'));
    return;
  }
  if (req.method !== 'POST') {
    res.status(405).json(errorBody('method-not-allowed', 'Use POST.'));
    return;
  }
  // Tests may run the sweep "later" (`?now=` in ms) instead of waiting for a batch to be due.
  const now = Number(req.query.now) || Date.now();
  res.json({
    released: await releaseIdleConversations(),
    replyEmails: await sendDueReplyEmails(now),
  });
});
