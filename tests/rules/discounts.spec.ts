/**
 * Commerce, part 2: discount codes are read by members and written by functions only; the
 * applied discount on a conversation and discount cards cannot be forged by a client.
 */
import { describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import {
  addDoc,
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  serverTimestamp,
  setDoc,
  updateDoc,
} from 'firebase/firestore';
import {
  conversationPath,
  discountPath,
  discountsPath,
  discountUsePath,
  messagesPath,
} from '@comptoir/core';
import {
  ALICE,
  BRUNO,
  CONV_1,
  PAST,
  SHOPPER_1,
  STORE_A,
  asNobody,
  asOperator,
  asShopper,
  seedDoc,
  useRulesEnv,
} from './setup';

const DISCOUNT = {
  code: 'SPRING15',
  kind: 'percentage',
  value: 15,
  currency: 'EUR',
  startsAt: null,
  endsAt: null,
  usageLimit: 1,
  usageCount: 0,
  minimumSubtotal: null,
  active: true,
  createdAt: PAST,
  updatedAt: PAST,
};
const CARD = {
  code: 'SPRING15',
  kind: 'percentage',
  value: 15,
  currency: 'EUR',
  minimumSubtotal: null,
  endsAt: null,
};

const rules = useRulesEnv(async (env) => {
  await seedDoc(env, discountPath(STORE_A, 'SPRING15'), DISCOUNT);
  await seedDoc(env, discountUsePath(STORE_A, 'SPRING15', CONV_1), {
    conversationId: CONV_1,
    shopperUid: SHOPPER_1,
    subtotal: 120,
    currency: 'EUR',
    appliedAt: PAST,
  });
});

describe('stores/{storeId}/discounts', () => {
  it('an operator lists the store’s codes and who used them', async () => {
    const alice = asOperator(rules.env, ALICE);
    const codes = await assertSucceeds(getDocs(collection(alice, discountsPath(STORE_A))));
    expect(codes.docs.map((d) => d.id)).toEqual(['SPRING15']);
    await assertSucceeds(getDoc(doc(alice, discountUsePath(STORE_A, 'SPRING15', CONV_1))));
  });

  it('shoppers, strangers and other stores’ operators cannot read the codes', async () => {
    await assertFails(getDocs(collection(asShopper(rules.env, SHOPPER_1), discountsPath(STORE_A))));
    await assertFails(
      getDoc(doc(asShopper(rules.env, SHOPPER_1), discountPath(STORE_A, 'SPRING15'))),
    );
    await assertFails(getDoc(doc(asNobody(rules.env), discountPath(STORE_A, 'SPRING15'))));
    await assertFails(getDoc(doc(asOperator(rules.env, BRUNO), discountPath(STORE_A, 'SPRING15'))));
    await assertFails(
      getDoc(doc(asShopper(rules.env, SHOPPER_1), discountUsePath(STORE_A, 'SPRING15', CONV_1))),
    );
  });

  it('nobody writes codes, usage counts or uses from a client, not even an operator', async () => {
    const alice = asOperator(rules.env, ALICE);
    await assertFails(
      setDoc(doc(alice, discountPath(STORE_A, 'NEW10')), { ...DISCOUNT, code: 'NEW10' }),
    );
    await assertFails(updateDoc(doc(alice, discountPath(STORE_A, 'SPRING15')), { usageCount: 0 }));
    await assertFails(updateDoc(doc(alice, discountPath(STORE_A, 'SPRING15')), { active: false }));
    await assertFails(deleteDoc(doc(alice, discountUsePath(STORE_A, 'SPRING15', CONV_1))));
    const shopper = asShopper(rules.env, SHOPPER_1);
    await assertFails(
      updateDoc(doc(shopper, discountPath(STORE_A, 'SPRING15')), { usageCount: 0 }),
    );
    await assertFails(
      setDoc(doc(shopper, discountUsePath(STORE_A, 'SPRING15', 'other')), { conversationId: 'x' }),
    );
  });
});

describe('the applied discount and discount cards', () => {
  it('a shopper cannot mark a discount applied on their conversation; their heartbeat still goes', async () => {
    const ref = doc(asShopper(rules.env, SHOPPER_1), conversationPath(STORE_A, CONV_1));
    await assertSucceeds(updateDoc(ref, { shopperSeenAt: serverTimestamp() }));
    await assertFails(
      updateDoc(ref, { discount: { ...CARD, appliedAt: serverTimestamp(), messageId: 'm1' } }),
    );
  });

  it('an operator cannot mark a discount applied either', async () => {
    const ref = doc(asOperator(rules.env, ALICE), conversationPath(STORE_A, CONV_1));
    await assertSucceeds(
      updateDoc(ref, { unreadByOperator: 0, operatorReadAt: serverTimestamp() }),
    );
    await assertFails(updateDoc(ref, { discount: null }));
  });

  it('cards are posted through shareDiscount only: a client message cannot carry one', async () => {
    const alice = collection(asOperator(rules.env, ALICE), messagesPath(STORE_A, CONV_1));
    const reply = {
      author: 'operator',
      authorUid: ALICE.uid,
      authorName: ALICE.displayName,
      text: 'Here is a code',
      createdAt: serverTimestamp(),
    };
    await assertSucceeds(addDoc(alice, reply));
    await assertFails(addDoc(alice, { ...reply, discount: CARD }));
    const shopper = collection(asShopper(rules.env, SHOPPER_1), messagesPath(STORE_A, CONV_1));
    await assertFails(
      addDoc(shopper, {
        author: 'shopper',
        authorUid: SHOPPER_1,
        text: 'A code',
        discount: CARD,
        createdAt: serverTimestamp(),
      }),
    );
  });
});
