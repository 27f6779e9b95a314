/**
 * The commerce functions the console calls (see callables.ts for the others): every write
 * that counts, checks a code or copies catalogue data goes through the server.
 */
import { httpsCallable } from 'firebase/functions';
import { functions } from '../firebase';

const rotateServerSecretFn = httpsCallable<{ storeId: string }, { ok: true }>(
  functions,
  'rotateServerSecret',
);

/** A new server secret: requests signed with the old one are refused at once. */
export async function rotateServerSecret(storeId: string) {
  await rotateServerSecretFn({ storeId });
}
