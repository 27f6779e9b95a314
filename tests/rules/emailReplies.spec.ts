import { describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import {
  collection,
  doc,
  getDoc,
  getDocs,
  serverTimestamp,
  setDoc,
  updateDoc,
} from 'firebase/firestore';
import {
  conversationPath,
  conversationSecretsPath,
  emailTokenPath,
  replyDeliveriesPath,
  replyEmailPath,
} from '@comptoir/core';
import {
  ALICE,
  CONV_1,
  SHOPPER_1,
  STORE_A,
  asNobody,
  asOperator,
  asShopper,
  seedDoc,
  useRulesEnv,
} from './setup';

const TOKEN_HASH = 'a'.repeat(64);

// The tokens and batches behind email replies: no client, not even the store's operators
// or the conversation's own shopper, may read or write them.
const rules = useRulesEnv(async (env) => {
  await seedDoc(env, conversationSecretsPath(STORE_A, CONV_1), {
    replyToken: 'r'.repeat(43),
    resumeToken: 's'.repeat(43),
  });
  await seedDoc(env, emailTokenPath(TOKEN_HASH), {
    kind: 'resume',
    storeId: STORE_A,
    conversationId: CONV_1,
  });
  await seedDoc(env, replyEmailPath(STORE_A, CONV_1), { messageIds: ['m1'] });
  await seedDoc(env, `${replyDeliveriesPath(STORE_A, CONV_1)}/d1`, { state: 'sent' });
});

describe('email replies: tokens, batches and deliveries are for functions only', () => {
  const everyone = () => [
    asShopper(rules.env, SHOPPER_1),
    asOperator(rules.env, ALICE),
    asNobody(rules.env),
  ];

  it('the shopper and operators still read the conversation itself', async () => {
    const shopperView = await assertSucceeds(
      getDoc(doc(asShopper(rules.env, SHOPPER_1), conversationPath(STORE_A, CONV_1))),
    );
    expect(shopperView.exists()).toBe(true);
    await assertSucceeds(
      getDoc(doc(asOperator(rules.env, ALICE), conversationPath(STORE_A, CONV_1))),
    );
  });

  it("nobody reads a conversation's reply and resume tokens, or the token lookup", async () => {
    for (const db of everyone()) {
      await assertFails(getDoc(doc(db, conversationSecretsPath(STORE_A, CONV_1))));
      await assertFails(getDoc(doc(db, emailTokenPath(TOKEN_HASH))));
      await assertFails(getDocs(collection(db, 'emailTokens')));
    }
  });

  it('nobody plants a token that would hand them a conversation', async () => {
    for (const db of everyone()) {
      await assertFails(
        setDoc(doc(db, emailTokenPath('b'.repeat(64))), {
          kind: 'resume',
          storeId: STORE_A,
          conversationId: CONV_1,
        }),
      );
      await assertFails(
        setDoc(doc(db, conversationSecretsPath(STORE_A, CONV_1)), { resumeToken: 'x'.repeat(43) }),
      );
    }
  });

  it('nobody reads or changes the pending reply emails or their deliveries', async () => {
    for (const db of everyone()) {
      await assertFails(getDoc(doc(db, replyEmailPath(STORE_A, CONV_1))));
      await assertFails(updateDoc(doc(db, replyEmailPath(STORE_A, CONV_1)), { messageIds: [] }));
      await assertFails(getDocs(collection(db, replyDeliveriesPath(STORE_A, CONV_1))));
      await assertFails(
        setDoc(doc(db, `${replyDeliveriesPath(STORE_A, CONV_1)}/d2`), { state: 'sent' }),
      );
    }
  });

  it('a shopper cannot set their own email or page on the conversation (setShopperContact does)', async () => {
    const shopper = asShopper(rules.env, SHOPPER_1);
    await assertSucceeds(
      updateDoc(doc(shopper, conversationPath(STORE_A, CONV_1)), {
        shopperSeenAt: serverTimestamp(),
      }),
    );
    await assertFails(
      updateDoc(doc(shopper, conversationPath(STORE_A, CONV_1)), {
        contact: { email: 'mallory@evil.test', name: null },
      }),
    );
    await assertFails(
      updateDoc(doc(shopper, conversationPath(STORE_A, CONV_1)), { shopperUid: 'someone-else' }),
    );
  });
});
