/**
 * Commerce, orders: written by the orders endpoint, read by lookupOrder and the reply email,
 * all functions. No client reads or writes them: a shopper must go through the lookup (number
 * AND email, rate-limited), and the console has no order view.
 */
import { describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  query,
  setDoc,
  updateDoc,
  where,
} from 'firebase/firestore';
import { orderPath, ordersPath, storePath } from '@comptoir/core';
import {
  ALICE,
  PAST,
  SHOPPER_1,
  STORE_A,
  asNobody,
  asOperator,
  asShopper,
  seedDoc,
  useRulesEnv,
} from './setup';

const ORDER = {
  number: '#1042',
  numberKey: '1042',
  email: 'ada@example.com',
  status: 'shipped',
  createdAt: PAST,
  updatedAt: PAST,
  receivedAt: PAST,
  total: 149,
  currency: 'EUR',
  items: null,
  carrier: 'DPD',
  trackingUrl: 'https://tracking.example/1042',
};

const rules = useRulesEnv(async (env) => {
  await seedDoc(env, orderPath(STORE_A, '1042'), ORDER);
});

describe('stores/{storeId}/orders', () => {
  it('a shopper cannot read an order, by id or by querying their own email', async () => {
    const shopper = asShopper(rules.env, SHOPPER_1);
    await assertFails(getDoc(doc(shopper, orderPath(STORE_A, '1042'))));
    await assertFails(
      getDocs(query(collection(shopper, ordersPath(STORE_A)), where('email', '==', ORDER.email))),
    );
    await assertFails(getDoc(doc(asNobody(rules.env), orderPath(STORE_A, '1042'))));
  });

  it('no client writes orders, not even the store’s own operator', async () => {
    const alice = asOperator(rules.env, ALICE);
    await assertFails(setDoc(doc(alice, orderPath(STORE_A, '2000')), { ...ORDER, number: '2000' }));
    await assertFails(updateDoc(doc(alice, orderPath(STORE_A, '1042')), { status: 'delivered' }));
    await assertFails(deleteDoc(doc(alice, orderPath(STORE_A, '1042'))));
    const shopper = asShopper(rules.env, SHOPPER_1);
    await assertFails(
      updateDoc(doc(shopper, orderPath(STORE_A, '1042')), {
        trackingUrl: 'https://evil.example',
      }),
    );
    await assertFails(setDoc(doc(shopper, orderPath(STORE_A, '3000')), ORDER));
  });

  it('the store itself stays readable to its operator (the block denies only orders)', async () => {
    await assertSucceeds(getDoc(doc(asOperator(rules.env, ALICE), storePath(STORE_A))));
    await assertFails(getDocs(collection(asOperator(rules.env, ALICE), ordersPath(STORE_A))));
  });
});
