/**
 * `identifyShopper({ storeId, customer })`: the widget passes on what the store's page gave
 * `Comptoir.identify(...)`. The signature is checked against the store's secret in constant
 * time; a verified customer is remembered for this shopper and shown on their ongoing
 * conversation. Anything else is refused with a clear code, and the chat goes on as a guest.
 */
import { validateCustomerIdentity, validateStoreId, type CustomerShopper } from '@comptoir/core';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { signedInUid } from '../auth';
import { db } from '../config';
import { conversationRef, identitySecretRef, shopperRef } from '../data/refs';
import { verifyCustomerSignature } from '../domain/identity';
import { refuse, required } from '../errors';
import * as log from '../logs';

export const identifyShopper = onCall<unknown, Promise<{ ok: true; customerId: string }>>(
  async (request) => {
    const uid = signedInUid(request);
    const input = (request.data ?? {}) as Record<string, unknown>;
    const storeId = required(validateStoreId(input.storeId));
    const identity = validateCustomerIdentity(input.customer);
    if (!identity.ok) {
      throw new HttpsError('invalid-argument', identity.message, {
        code: 'invalid-identity',
        fields: identity.fields,
      });
    }
    const customer = identity.value;
    const secret = (await identitySecretRef(storeId).get()).data()?.secret;
    if (!secret || !verifyCustomerSignature(secret, customer.id, customer.signature)) {
      log.identityRefused(storeId);
      return refuse(
        'permission-denied',
        'invalid-signature',
        "The customer's signature does not match: compute it on your server as the hex HMAC-SHA256 of the customer id with this store's identity secret.",
      );
    }
    const verified: Omit<CustomerShopper, 'kind' | 'guestNumber'> = {
      customerId: customer.id,
      displayName: customer.name || `Customer ${customer.id}`,
      email: customer.email ?? null,
      phone: customer.phone ?? null,
    };
    await db.runTransaction(async (tx) => {
      const pointer = (await tx.get(shopperRef(storeId, uid))).data();
      const ongoingId = pointer?.ongoingConversationId;
      const ongoing = ongoingId ? await tx.get(conversationRef(storeId, ongoingId)) : null;
      tx.set(shopperRef(storeId, uid), { customer: verified }, { merge: true });
      const conversation = ongoing?.data();
      if (ongoing && conversation?.status === 'ongoing') {
        tx.update(ongoing.ref, {
          shopper: { kind: 'customer', guestNumber: conversation.shopper.guestNumber, ...verified },
        });
      }
    });
    log.identityVerified(storeId);
    return { ok: true, customerId: customer.id };
  },
);
