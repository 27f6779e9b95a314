import { describe, it } from 'vitest';
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
  identitySecretPath,
  shopperPath,
  slotPath,
  offlineMessagePath,
  offlineMessagesPath,
  presencePath,
  rateLimitPath,
} from '@comptoir/core';
import {
  ALICE,
  BRUNO,
  CONV_1,
  CONV_1_FINISHED,
  CONV_2,
  PAST,
  SHOPPER_1,
  STORE_A,
  asNobody,
  asOperator,
  asShopper,
  seedDoc,
  useRulesEnv,
} from './setup';

const MESSAGE = 'offline-1';

const rules = useRulesEnv(async (env) => {
  await seedDoc(env, presencePath(STORE_A, ALICE.uid), { online: true, lastSeenAt: PAST });
  await seedDoc(env, offlineMessagePath(STORE_A, MESSAGE), {
    fields: { email: 'ada@example.com', message: 'Do you ship to Belgium?' },
    language: 'en',
    shopperUid: SHOPPER_1,
    createdAt: PAST,
    read: false,
    email: { state: 'sent', attempts: 1, leaseExpiresAt: null, sentAt: PAST, error: null },
  });
  await seedDoc(env, rateLimitPath(STORE_A, `shopper-${SHOPPER_1}`), {
    windowStart: 0,
    count: 1,
  });
});

describe('stores/{storeId}/presence: operators online or not', () => {
  it('an operator sees who is online in their store', async () => {
    await assertSucceeds(
      getDoc(doc(asOperator(rules.env, ALICE), presencePath(STORE_A, ALICE.uid))),
    );
  });

  it('a shopper or an operator of another store cannot see who is online', async () => {
    await assertFails(
      getDoc(doc(asShopper(rules.env, SHOPPER_1), presencePath(STORE_A, ALICE.uid))),
    );
    await assertFails(getDoc(doc(asOperator(rules.env, BRUNO), presencePath(STORE_A, ALICE.uid))));
  });

  it('an operator cannot switch themselves online by writing directly (the function does)', async () => {
    const alice = asOperator(rules.env, ALICE);
    await assertSucceeds(getDoc(doc(alice, presencePath(STORE_A, ALICE.uid))));
    await assertFails(
      setDoc(doc(alice, presencePath(STORE_A, ALICE.uid)), {
        online: true,
        lastSeenAt: serverTimestamp(),
      }),
    );
  });
});

describe('stores/{storeId}/offlineMessages: the contact form', () => {
  it('an operator reads the offline messages of their store', async () => {
    await assertSucceeds(
      getDocs(collection(asOperator(rules.env, ALICE), offlineMessagesPath(STORE_A))),
    );
  });

  it('a shopper cannot read offline messages, not even their own', async () => {
    await assertFails(
      getDoc(doc(asShopper(rules.env, SHOPPER_1), offlineMessagePath(STORE_A, MESSAGE))),
    );
    await assertFails(getDocs(collection(asNobody(rules.env), offlineMessagesPath(STORE_A))));
  });

  it('an operator of another store cannot read them', async () => {
    await assertFails(
      getDoc(doc(asOperator(rules.env, BRUNO), offlineMessagePath(STORE_A, MESSAGE))),
    );
  });

  it('nobody writes an offline message directly: the function validates and rate-limits', async () => {
    const data = {
      fields: { message: 'hi' },
      language: 'en',
      shopperUid: SHOPPER_1,
      createdAt: serverTimestamp(),
      read: false,
    };
    await assertFails(
      addDoc(collection(asShopper(rules.env, SHOPPER_1), offlineMessagesPath(STORE_A)), data),
    );
    await assertFails(
      addDoc(collection(asOperator(rules.env, ALICE), offlineMessagesPath(STORE_A)), data),
    );
  });

  it('an operator can mark a message read or unread, and change nothing else', async () => {
    const alice = asOperator(rules.env, ALICE);
    const ref = doc(alice, offlineMessagePath(STORE_A, MESSAGE));
    await assertSucceeds(updateDoc(ref, { read: true }));
    await assertSucceeds(updateDoc(ref, { read: false }));
    await assertFails(updateDoc(ref, { read: 'yes' }));
    await assertFails(updateDoc(ref, { read: true, 'fields.message': 'edited' }));
    await assertFails(updateDoc(ref, { 'email.state': 'pending' }));
    await assertFails(deleteDoc(ref));
  });
});

describe('stores/{storeId}/slots: the concurrency cap', () => {
  it('no client can take, read or free a chat slot, not even an operator', async () => {
    const path = slotPath(STORE_A, 0);
    await assertFails(setDoc(doc(asShopper(rules.env, SHOPPER_1), path), { index: 0 }));
    await assertFails(setDoc(doc(asOperator(rules.env, ALICE), path), { index: 0 }));
    await seedDoc(rules.env, path, { index: 0, conversationId: CONV_1 });
    await assertFails(getDoc(doc(asOperator(rules.env, ALICE), path)));
    await assertFails(deleteDoc(doc(asShopper(rules.env, SHOPPER_1), path)));
  });
});

describe('stores/{storeId}/rateLimits: spam-guard counters', () => {
  it('no client can read or reset the spam-guard counters', async () => {
    const path = rateLimitPath(STORE_A, `shopper-${SHOPPER_1}`);
    await assertFails(getDoc(doc(asOperator(rules.env, ALICE), path)));
    await assertFails(
      setDoc(doc(asShopper(rules.env, SHOPPER_1), path), { windowStart: 0, count: 0 }),
    );
  });
});

describe('shopper heartbeat on a conversation', () => {
  it('a shopper can say they are still on the store for their own ongoing conversation', async () => {
    const shopper = asShopper(rules.env, SHOPPER_1);
    await assertSucceeds(
      updateDoc(doc(shopper, conversationPath(STORE_A, CONV_1)), {
        shopperSeenAt: serverTimestamp(),
      }),
    );
  });

  it('a shopper cannot send a heartbeat for another shopper or a finished conversation', async () => {
    const shopper = asShopper(rules.env, SHOPPER_1);
    await assertFails(
      updateDoc(doc(shopper, conversationPath(STORE_A, CONV_2)), {
        shopperSeenAt: serverTimestamp(),
      }),
    );
    await assertFails(
      updateDoc(doc(shopper, conversationPath(STORE_A, CONV_1_FINISHED)), {
        shopperSeenAt: serverTimestamp(),
      }),
    );
  });

  it('a shopper cannot fake the heartbeat time or slip other fields in with it', async () => {
    const shopper = asShopper(rules.env, SHOPPER_1);
    const ref = doc(shopper, conversationPath(STORE_A, CONV_1));
    await assertSucceeds(updateDoc(ref, { shopperSeenAt: serverTimestamp() }));
    await assertFails(updateDoc(ref, { shopperSeenAt: PAST }));
    await assertFails(updateDoc(ref, { shopperSeenAt: serverTimestamp(), status: 'finished' }));
  });
});

describe('stores/{storeId}/secrets and shoppers: identity verification', () => {
  it('an operator reads the store’s identity secret to set up the store’s server', async () => {
    await seedDoc(rules.env, identitySecretPath(STORE_A), { secret: 'abc', rotatedAt: PAST });
    await assertSucceeds(getDoc(doc(asOperator(rules.env, ALICE), identitySecretPath(STORE_A))));
  });

  it('a shopper or another store’s operator cannot read the secret, and nobody writes it directly', async () => {
    await seedDoc(rules.env, identitySecretPath(STORE_A), { secret: 'abc', rotatedAt: PAST });
    await assertFails(getDoc(doc(asShopper(rules.env, SHOPPER_1), identitySecretPath(STORE_A))));
    await assertFails(getDoc(doc(asOperator(rules.env, BRUNO), identitySecretPath(STORE_A))));
    await assertFails(
      setDoc(doc(asOperator(rules.env, ALICE), identitySecretPath(STORE_A)), { secret: 'mine' }),
    );
  });

  it('a shopper cannot claim a customer identity by writing their own shopper record', async () => {
    const path = shopperPath(STORE_A, SHOPPER_1);
    await assertFails(
      setDoc(doc(asShopper(rules.env, SHOPPER_1), path), {
        customer: { customerId: 'vip-1', displayName: 'VIP', email: null, phone: null },
      }),
    );
    await assertFails(getDoc(doc(asShopper(rules.env, SHOPPER_1), path)));
  });
});

describe('typing indicators and "seen" on a conversation', () => {
  it('a shopper shows they are typing, then stops, at the server’s time only', async () => {
    const ref = doc(asShopper(rules.env, SHOPPER_1), conversationPath(STORE_A, CONV_1));
    await assertSucceeds(updateDoc(ref, { shopperTypingAt: serverTimestamp() }));
    await assertSucceeds(updateDoc(ref, { shopperTypingAt: null }));
    await assertFails(updateDoc(ref, { shopperTypingAt: PAST }));
  });

  it('a shopper marks the thread seen, but cannot mark it read for the operators', async () => {
    const ref = doc(asShopper(rules.env, SHOPPER_1), conversationPath(STORE_A, CONV_1));
    await assertSucceeds(updateDoc(ref, { shopperReadAt: serverTimestamp() }));
    await assertFails(updateDoc(ref, { shopperReadAt: PAST }));
    await assertFails(updateDoc(ref, { operatorReadAt: serverTimestamp() }));
    await assertFails(updateDoc(ref, { operatorTypingAt: serverTimestamp() }));
  });

  it('another shopper cannot type into or mark someone else’s conversation', async () => {
    const ref = doc(asShopper(rules.env, SHOPPER_1), conversationPath(STORE_A, CONV_2));
    await assertFails(updateDoc(ref, { shopperTypingAt: serverTimestamp() }));
    await assertFails(updateDoc(ref, { shopperReadAt: serverTimestamp() }));
  });

  it('an operator shows they are typing under their own name only', async () => {
    const ref = doc(asOperator(rules.env, ALICE), conversationPath(STORE_A, CONV_1));
    await assertSucceeds(
      updateDoc(ref, { operatorTypingAt: serverTimestamp(), operatorTypingName: 'Alice' }),
    );
    await assertSucceeds(updateDoc(ref, { operatorTypingAt: null, operatorTypingName: null }));
    await assertFails(
      updateDoc(ref, { operatorTypingAt: serverTimestamp(), operatorTypingName: 'Bruno' }),
    );
    await assertFails(updateDoc(ref, { shopperTypingAt: serverTimestamp() }));
    const bruno = doc(asOperator(rules.env, BRUNO), conversationPath(STORE_A, CONV_1));
    await assertFails(updateDoc(bruno, { operatorTypingAt: serverTimestamp() }));
  });
});
