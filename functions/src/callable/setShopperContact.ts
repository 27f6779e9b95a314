/**
 * `setShopperContact({ storeId, email, name? })`: the shopper leaves an email (and name) in
 * the chat so the merchant's replies reach them after they leave. Kept on the shopper (a
 * pre-chat form comes before any conversation) and on their ongoing conversation.
 */
import { validateShopperContact, validateStoreId } from '@comptoir/core';
import { Timestamp } from 'firebase-admin/firestore';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { signedInUid } from '../auth';
import { db } from '../config';
import { conversationRef, shopperRef, storeRef } from '../data/refs';
import { refuse, required } from '../errors';

export const setShopperContact = onCall<unknown, Promise<{ ok: true }>>(async (request) => {
  const uid = signedInUid(request);
  const input = (request.data ?? {}) as Record<string, unknown>;
  const storeId = required(validateStoreId(input.storeId));
  const checked = validateShopperContact(input);
  if (!checked.ok) {
    throw new HttpsError('invalid-argument', checked.message, {
      code: checked.code,
      fields: checked.fields,
    });
  }
  if (!(await storeRef(storeId).get()).exists) {
    return refuse('not-found', 'store-not-found', 'This store does not exist or has no chat.');
  }
  const contact = { ...checked.value, givenAt: Timestamp.now() };
  await db.runTransaction(async (tx) => {
    const pointer = (await tx.get(shopperRef(storeId, uid))).data();
    const conversationId = pointer?.ongoingConversationId;
    const conversation = conversationId
      ? await tx.get(conversationRef(storeId, conversationId))
      : null;
    tx.set(shopperRef(storeId, uid), { contact }, { merge: true });
    if (conversation?.exists && conversation.data()?.shopperUid === uid) {
      tx.update(conversation.ref, { contact });
    }
  });
  return { ok: true };
});
