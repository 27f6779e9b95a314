/**
 * The commerce functions the console calls (see callables.ts for the others): every write
 * that counts, checks a code or copies catalogue data goes through the server.
 */
import { httpsCallable } from 'firebase/functions';
import type { DiscountInput } from '@comptoir/core';
import { functions } from '../firebase';

const rotateServerSecretFn = httpsCallable<{ storeId: string }, { ok: true }>(
  functions,
  'rotateServerSecret',
);

/** A new server secret: requests signed with the old one are refused at once. */
export async function rotateServerSecret(storeId: string) {
  await rotateServerSecretFn({ storeId });
}

const saveDiscountFn = httpsCallable<
  { storeId: string; discount: DiscountInput; create: boolean },
  { ok: true; code: string }
>(functions, 'saveDiscount');

/** Creates a code (refused if it exists) or saves an existing one. */
export async function saveDiscount(storeId: string, discount: DiscountInput, create: boolean) {
  await saveDiscountFn({ storeId, discount, create });
}

const shareDiscountFn = httpsCallable<
  { storeId: string; conversationId: string; code: string },
  { messageId: string }
>(functions, 'shareDiscount');

/** Posts a discount card into a conversation; refused with what to fix if it cannot be used. */
export async function shareDiscount(storeId: string, conversationId: string, code: string) {
  await shareDiscountFn({ storeId, conversationId, code });
}
