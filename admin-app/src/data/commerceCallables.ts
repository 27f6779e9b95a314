/**
 * The commerce functions the console calls (see callables.ts for the others): every write
 * that counts, checks a code or copies catalogue data goes through the server.
 */
import { httpsCallable } from 'firebase/functions';
import type { DiscountInput, ProductInput } from '@comptoir/core';
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

const importProductsFn = httpsCallable<
  { storeId: string; products: ProductInput[] },
  { count: number }
>(functions, 'importProducts');

/** Upserts up to 250 checked products in one write (refused whole, with every problem). */
export async function importProducts(storeId: string, products: ProductInput[]) {
  return (await importProductsFn({ storeId, products })).data;
}

const shareProductsFn = httpsCallable<
  { storeId: string; conversationId: string; productIds: string[] },
  { messageId: string }
>(functions, 'shareProducts');

/** Posts 1 to 3 products as one message of cards, copied from the catalogue by the server. */
export async function shareProducts(storeId: string, conversationId: string, productIds: string[]) {
  await shareProductsFn({ storeId, conversationId, productIds });
}
