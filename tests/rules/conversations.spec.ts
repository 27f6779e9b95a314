import { describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import {
  addDoc,
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
} from 'firebase/firestore';
import { conversationPath, conversationsPath } from '@comptoir/core';
import {
  ALICE,
  BRUNO,
  CONV_1,
  CONV_1_ARCHIVED,
  CONV_1_FINISHED,
  CONV_2,
  CONV_B,
  PAST,
  SHOPPER_1,
  SHOPPER_2,
  STORE_A,
  STORE_B,
  asNobody,
  asOperator,
  asShopper,
  conversationData,
  useRulesEnv,
} from './setup';

const rules = useRulesEnv();

/** What the console writes when an operator opens a conversation. */
const markRead = () => ({ unreadByOperator: 0, operatorReadAt: serverTimestamp() });

describe('stores/{storeId}/conversations: one thread per shopper', () => {
  it('a shopper can read their own conversation', async () => {
    const shopper = asShopper(rules.env, SHOPPER_1);
    const conversation = await assertSucceeds(
      getDoc(doc(shopper, conversationPath(STORE_A, CONV_1))),
    );
    expect(conversation.data()?.shopperUid).toBe(SHOPPER_1);
    await assertSucceeds(getDoc(doc(shopper, conversationPath(STORE_A, CONV_1_FINISHED))));
  });

  it("a shopper cannot read another shopper's conversation", async () => {
    const shopper = asShopper(rules.env, SHOPPER_2);
    await assertSucceeds(getDoc(doc(shopper, conversationPath(STORE_A, CONV_2))));
    await assertFails(getDoc(doc(shopper, conversationPath(STORE_A, CONV_1))));
  });

  it("a shopper can list their own conversations but not the rest of the store's", async () => {
    const shopper = asShopper(rules.env, SHOPPER_1);
    const conversations = collection(shopper, conversationsPath(STORE_A));
    const own = await assertSucceeds(
      getDocs(query(conversations, where('shopperUid', '==', SHOPPER_1))),
    );
    expect(own.docs.map((d) => d.id).sort()).toEqual([CONV_1, CONV_1_ARCHIVED, CONV_1_FINISHED]);
    await assertFails(getDocs(conversations));
    await assertFails(getDocs(query(conversations, where('shopperUid', '==', SHOPPER_2))));
    await assertFails(getDocs(query(conversations, where('status', '==', 'ongoing'))));
  });

  it("an operator can read and list all of their store's conversations", async () => {
    const alice = asOperator(rules.env, ALICE);
    await assertSucceeds(getDoc(doc(alice, conversationPath(STORE_A, CONV_2))));
    const all = await assertSucceeds(getDocs(collection(alice, conversationsPath(STORE_A))));
    expect(all.size).toBe(4);
    const ongoing = await assertSucceeds(
      getDocs(
        query(collection(alice, conversationsPath(STORE_A)), where('status', '==', 'ongoing')),
      ),
    );
    expect(ongoing.size).toBe(2);
  });

  it('nobody outside the store can read its conversations', async () => {
    const bruno = asOperator(rules.env, BRUNO);
    await assertSucceeds(getDocs(collection(bruno, conversationsPath(STORE_B))));
    await assertFails(getDoc(doc(bruno, conversationPath(STORE_A, CONV_1))));
    await assertFails(getDocs(collection(bruno, conversationsPath(STORE_A))));

    const nobody = asNobody(rules.env);
    await assertFails(getDoc(doc(nobody, conversationPath(STORE_A, CONV_1))));
    await assertFails(getDocs(collection(nobody, conversationsPath(STORE_A))));
  });

  it('a client cannot create a conversation (only the function does)', async () => {
    const shopper = asShopper(rules.env, SHOPPER_2);
    await assertSucceeds(getDoc(doc(shopper, conversationPath(STORE_A, CONV_2))));
    const fresh = { ...conversationData(SHOPPER_2, 'ongoing', 9), createdAt: serverTimestamp() };
    await assertFails(setDoc(doc(shopper, conversationPath(STORE_A, 'conv-new')), fresh));
    await assertFails(addDoc(collection(shopper, conversationsPath(STORE_A)), fresh));

    const alice = asOperator(rules.env, ALICE);
    await assertFails(setDoc(doc(alice, conversationPath(STORE_A, 'conv-new')), fresh));
    await assertFails(
      setDoc(doc(asNobody(rules.env), conversationPath(STORE_A, 'conv-new')), fresh),
    );
  });

  it('an operator can mark a conversation read but cannot change its status', async () => {
    const alice = asOperator(rules.env, ALICE);
    const ref = doc(alice, conversationPath(STORE_A, CONV_1));
    await assertSucceeds(updateDoc(ref, markRead()));
    const after = await getDoc(ref);
    expect(after.data()?.unreadByOperator).toBe(0);

    await assertFails(updateDoc(ref, { status: 'finished' }));
    await assertFails(updateDoc(ref, { ...markRead(), status: 'archived' }));
    await assertFails(updateDoc(ref, { ...markRead(), lastMessage: null }));
    await assertFails(updateDoc(ref, { ...markRead(), shopperUid: ALICE.uid }));
  });

  it('an operator cannot mark a conversation read with a made-up time or a non-zero count', async () => {
    const ref = doc(asOperator(rules.env, ALICE), conversationPath(STORE_A, CONV_1));
    await assertSucceeds(updateDoc(ref, markRead()));
    await assertFails(updateDoc(ref, { unreadByOperator: 0, operatorReadAt: PAST }));
    await assertFails(updateDoc(ref, { unreadByOperator: 5, operatorReadAt: serverTimestamp() }));
    await assertFails(updateDoc(ref, { unreadByOperator: 0 }));
  });

  it("an operator cannot mark another store's conversation read", async () => {
    const bruno = asOperator(rules.env, BRUNO);
    await assertSucceeds(updateDoc(doc(bruno, conversationPath(STORE_B, CONV_B)), markRead()));
    await assertFails(updateDoc(doc(bruno, conversationPath(STORE_A, CONV_1)), markRead()));
  });

  it('a shopper cannot change their conversation, not even to mark it read or finish it', async () => {
    const shopper = asShopper(rules.env, SHOPPER_1);
    const ref = doc(shopper, conversationPath(STORE_A, CONV_1));
    await assertSucceeds(getDoc(ref));
    await assertFails(updateDoc(ref, markRead()));
    await assertFails(updateDoc(ref, { status: 'finished' }));
    await assertFails(updateDoc(ref, { lastMessage: { text: 'Fake', author: 'operator' } }));
    await assertFails(
      updateDoc(doc(shopper, conversationPath(STORE_A, CONV_1_FINISHED)), { status: 'ongoing' }),
    );
  });

  it('nobody can delete a conversation from a client', async () => {
    const alice = asOperator(rules.env, ALICE);
    await assertSucceeds(getDoc(doc(alice, conversationPath(STORE_A, CONV_1_ARCHIVED))));
    await assertFails(deleteDoc(doc(alice, conversationPath(STORE_A, CONV_1_ARCHIVED))));
    await assertFails(
      deleteDoc(doc(asShopper(rules.env, SHOPPER_1), conversationPath(STORE_A, CONV_1))),
    );
    await assertFails(deleteDoc(doc(asNobody(rules.env), conversationPath(STORE_A, CONV_1))));
  });
});
