/** Firebase for the chat app, initialised once (see @comptoir/core/firebase-client). */
import { initializeClient } from '@comptoir/core/firebase-client';

export const { app, auth, db, functions } = initializeClient(__COMPTOIR_CONFIG__);
