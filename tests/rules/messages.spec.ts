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
  type DocumentData,
  type Firestore,
} from 'firebase/firestore';
import { MESSAGE_MAX_LENGTH, messagesPath, type Member } from '@comptoir/core';
import {
  ALICE,
  BRUNO,
  CONV_1,
  CONV_1_ARCHIVED,
  CONV_1_FINISHED,
  CONV_2,
  CONV_B,
  PAST,
  SEEDED_MESSAGE,
  SHOPPER_1,
  SHOPPER_2,
  STORE_A,
  STORE_B,
  asNobody,
  asOperator,
  asShopper,
  useRulesEnv,
} from './setup';

const rules = useRulesEnv();

/** What the widget sends. */
const shopperMessage = (uid: string, text = 'Do you have this in blue?') => ({
  author: 'shopper',
  authorUid: uid,
  text,
  createdAt: serverTimestamp(),
});

/** What the console sends. */
const operatorMessage = (member: Member, text = 'Yes, in all sizes.') => ({
  author: 'operator',
  authorUid: member.uid,
  authorName: member.displayName,
  text,
  createdAt: serverTimestamp(),
});

const send = (db: Firestore, storeId: string, conversationId: string, data: DocumentData) =>
  addDoc(collection(db, messagesPath(storeId, conversationId)), data);

const messageDoc = (db: Firestore, storeId: string, conversationId: string) =>
  doc(db, `${messagesPath(storeId, conversationId)}/${SEEDED_MESSAGE}`);

describe('stores/{storeId}/conversations/{conversationId}/messages', () => {
  // ---- Reading ------------------------------------------------------------------------

  it('a shopper can read the messages of their own conversation', async () => {
    const shopper = asShopper(rules.env, SHOPPER_1);
    const messages = await assertSucceeds(
      getDocs(collection(shopper, messagesPath(STORE_A, CONV_1))),
    );
    expect(messages.size).toBe(1);
    await assertSucceeds(getDoc(messageDoc(shopper, STORE_A, CONV_1_FINISHED)));
  });

  it("a shopper cannot read another shopper's messages", async () => {
    const shopper = asShopper(rules.env, SHOPPER_2);
    await assertSucceeds(getDocs(collection(shopper, messagesPath(STORE_A, CONV_2))));
    await assertFails(getDocs(collection(shopper, messagesPath(STORE_A, CONV_1))));
    await assertFails(getDoc(messageDoc(shopper, STORE_A, CONV_1)));
  });

  it("an operator can read the messages of all their store's conversations", async () => {
    const alice = asOperator(rules.env, ALICE);
    for (const conversationId of [CONV_1, CONV_2, CONV_1_FINISHED]) {
      await assertSucceeds(getDocs(collection(alice, messagesPath(STORE_A, conversationId))));
    }
  });

  it('nobody outside the store can read its messages', async () => {
    const bruno = asOperator(rules.env, BRUNO);
    await assertSucceeds(getDocs(collection(bruno, messagesPath(STORE_B, CONV_B))));
    await assertFails(getDocs(collection(bruno, messagesPath(STORE_A, CONV_1))));
    await assertFails(getDoc(messageDoc(bruno, STORE_A, CONV_1)));

    const nobody = asNobody(rules.env);
    await assertFails(getDocs(collection(nobody, messagesPath(STORE_A, CONV_1))));
    await assertFails(getDoc(messageDoc(nobody, STORE_A, CONV_1)));
  });

  // ---- Shopper writes -----------------------------------------------------------------

  it('a shopper can send a message into their ongoing conversation', async () => {
    const shopper = asShopper(rules.env, SHOPPER_1);
    await assertSucceeds(send(shopper, STORE_A, CONV_1, shopperMessage(SHOPPER_1)));
    await assertSucceeds(send(shopper, STORE_B, CONV_B, shopperMessage(SHOPPER_1)));
  });

  it("a shopper cannot post into another shopper's conversation", async () => {
    const shopper = asShopper(rules.env, SHOPPER_2);
    await assertSucceeds(send(shopper, STORE_A, CONV_2, shopperMessage(SHOPPER_2)));
    await assertFails(send(shopper, STORE_A, CONV_1, shopperMessage(SHOPPER_2)));
    await assertFails(send(shopper, STORE_A, CONV_1, shopperMessage(SHOPPER_1)));
  });

  it('a shopper cannot post into a finished conversation', async () => {
    const shopper = asShopper(rules.env, SHOPPER_1);
    await assertSucceeds(send(shopper, STORE_A, CONV_1, shopperMessage(SHOPPER_1)));
    await assertFails(send(shopper, STORE_A, CONV_1_FINISHED, shopperMessage(SHOPPER_1)));
    await assertFails(send(shopper, STORE_A, CONV_1_ARCHIVED, shopperMessage(SHOPPER_1)));
  });

  it('a shopper cannot post into a conversation that does not exist', async () => {
    const shopper = asShopper(rules.env, SHOPPER_1);
    await assertSucceeds(send(shopper, STORE_A, CONV_1, shopperMessage(SHOPPER_1)));
    await assertFails(send(shopper, STORE_A, 'conv-missing', shopperMessage(SHOPPER_1)));
  });

  it('a shopper cannot send an empty message or one over 2000 characters', async () => {
    const shopper = asShopper(rules.env, SHOPPER_1);
    const longest = 'x'.repeat(MESSAGE_MAX_LENGTH);
    expect(MESSAGE_MAX_LENGTH).toBe(2000);
    await assertSucceeds(send(shopper, STORE_A, CONV_1, shopperMessage(SHOPPER_1, '?')));
    await assertSucceeds(send(shopper, STORE_A, CONV_1, shopperMessage(SHOPPER_1, longest)));
    await assertFails(send(shopper, STORE_A, CONV_1, shopperMessage(SHOPPER_1, '')));
    await assertFails(send(shopper, STORE_A, CONV_1, shopperMessage(SHOPPER_1, `${longest}x`)));
    await assertFails(
      send(shopper, STORE_A, CONV_1, { ...shopperMessage(SHOPPER_1), text: ['Hello'] }),
    );
    await assertFails(send(shopper, STORE_A, CONV_1, { ...shopperMessage(SHOPPER_1), text: 42 }));
  });

  it('a shopper cannot backdate a message (createdAt must be the server time)', async () => {
    const shopper = asShopper(rules.env, SHOPPER_1);
    await assertSucceeds(send(shopper, STORE_A, CONV_1, shopperMessage(SHOPPER_1)));
    await assertFails(
      send(shopper, STORE_A, CONV_1, { ...shopperMessage(SHOPPER_1), createdAt: PAST }),
    );
    const { author, authorUid, text } = shopperMessage(SHOPPER_1);
    await assertFails(send(shopper, STORE_A, CONV_1, { author, authorUid, text }));
  });

  it('a shopper cannot add extra fields to a message', async () => {
    const shopper = asShopper(rules.env, SHOPPER_1);
    await assertSucceeds(send(shopper, STORE_A, CONV_1, shopperMessage(SHOPPER_1)));
    await assertFails(
      send(shopper, STORE_A, CONV_1, { ...shopperMessage(SHOPPER_1), authorName: 'Alice' }),
    );
    await assertFails(
      send(shopper, STORE_A, CONV_1, { ...shopperMessage(SHOPPER_1), pinned: true }),
    );
  });

  it('a shopper cannot write as an operator, as the system or as another shopper', async () => {
    const shopper = asShopper(rules.env, SHOPPER_1);
    await assertSucceeds(send(shopper, STORE_A, CONV_1, shopperMessage(SHOPPER_1)));
    for (const author of ['operator', 'system']) {
      await assertFails(send(shopper, STORE_A, CONV_1, { ...shopperMessage(SHOPPER_1), author }));
    }
    await assertFails(send(shopper, STORE_A, CONV_1, operatorMessage(ALICE)));
    await assertFails(send(shopper, STORE_A, CONV_1, shopperMessage(SHOPPER_2)));
  });

  it('nobody signed out can send a message', async () => {
    await assertSucceeds(
      send(asShopper(rules.env, SHOPPER_1), STORE_A, CONV_1, shopperMessage(SHOPPER_1)),
    );
    await assertFails(send(asNobody(rules.env), STORE_A, CONV_1, shopperMessage(SHOPPER_1)));
  });

  // ---- Operator writes ----------------------------------------------------------------

  it('an operator can reply under their own display name', async () => {
    const alice = asOperator(rules.env, ALICE);
    const ref = await assertSucceeds(send(alice, STORE_A, CONV_1, operatorMessage(ALICE)));
    const reply = await getDoc(ref);
    expect(reply.data()?.authorName).toBe('Alice');
  });

  it("an operator cannot write a message under another operator's name", async () => {
    const alice = asOperator(rules.env, ALICE);
    await assertSucceeds(send(alice, STORE_A, CONV_1, operatorMessage(ALICE)));
    await assertFails(
      send(alice, STORE_A, CONV_1, { ...operatorMessage(ALICE), authorName: 'Bruno' }),
    );
    await assertFails(
      send(alice, STORE_A, CONV_1, { ...operatorMessage(ALICE), authorUid: BRUNO.uid }),
    );
    await assertFails(send(alice, STORE_A, CONV_1, operatorMessage(BRUNO)));
    const { author, authorUid, text, createdAt } = operatorMessage(ALICE);
    await assertFails(send(alice, STORE_A, CONV_1, { author, authorUid, text, createdAt }));
  });

  it('an operator cannot write as the shopper or as the system', async () => {
    const alice = asOperator(rules.env, ALICE);
    await assertSucceeds(send(alice, STORE_A, CONV_1, operatorMessage(ALICE)));
    await assertFails(
      send(alice, STORE_A, CONV_1, { ...operatorMessage(ALICE), author: 'system' }),
    );
    await assertFails(
      send(alice, STORE_A, CONV_1, { ...operatorMessage(ALICE), author: 'shopper' }),
    );
    await assertFails(send(alice, STORE_A, CONV_1, shopperMessage(SHOPPER_1)));
  });

  it("an operator cannot post into another store's conversation", async () => {
    const bruno = asOperator(rules.env, BRUNO);
    await assertSucceeds(send(bruno, STORE_B, CONV_B, operatorMessage(BRUNO)));
    await assertFails(send(bruno, STORE_A, CONV_1, operatorMessage(BRUNO)));
    await assertFails(send(bruno, STORE_A, CONV_1, operatorMessage(ALICE)));
  });

  it('an operator cannot post into a finished or archived conversation (reopen it first)', async () => {
    const alice = asOperator(rules.env, ALICE);
    await assertSucceeds(send(alice, STORE_A, CONV_1, operatorMessage(ALICE)));
    await assertFails(send(alice, STORE_A, CONV_1_FINISHED, operatorMessage(ALICE)));
    await assertFails(send(alice, STORE_A, CONV_1_ARCHIVED, operatorMessage(ALICE)));
  });

  it('an operator cannot post into a conversation that does not exist', async () => {
    const alice = asOperator(rules.env, ALICE);
    await assertSucceeds(send(alice, STORE_A, CONV_1, operatorMessage(ALICE)));
    await assertFails(send(alice, STORE_A, 'no-such-conversation', operatorMessage(ALICE)));
  });

  it('an operator cannot send an empty, over-long or backdated message', async () => {
    const alice = asOperator(rules.env, ALICE);
    const longest = 'x'.repeat(MESSAGE_MAX_LENGTH);
    await assertSucceeds(send(alice, STORE_A, CONV_1, operatorMessage(ALICE, longest)));
    await assertFails(send(alice, STORE_A, CONV_1, operatorMessage(ALICE, '')));
    await assertFails(send(alice, STORE_A, CONV_1, operatorMessage(ALICE, `${longest}x`)));
    await assertFails(send(alice, STORE_A, CONV_1, { ...operatorMessage(ALICE), createdAt: PAST }));
  });

  it('an operator cannot add extra fields to a message', async () => {
    const alice = asOperator(rules.env, ALICE);
    await assertSucceeds(send(alice, STORE_A, CONV_1, operatorMessage(ALICE)));
    await assertFails(send(alice, STORE_A, CONV_1, { ...operatorMessage(ALICE), role: 'owner' }));
  });

  // ---- Edits and deletions ------------------------------------------------------------

  it('nobody can edit or delete a message once sent', async () => {
    const shopper = asShopper(rules.env, SHOPPER_1);
    await assertSucceeds(getDoc(messageDoc(shopper, STORE_A, CONV_1)));
    await assertFails(updateDoc(messageDoc(shopper, STORE_A, CONV_1), { text: 'Edited' }));
    await assertFails(deleteDoc(messageDoc(shopper, STORE_A, CONV_1)));
    await assertFails(
      setDoc(messageDoc(shopper, STORE_A, CONV_1), shopperMessage(SHOPPER_1, 'Replaced')),
    );

    const alice = asOperator(rules.env, ALICE);
    const reply = await assertSucceeds(send(alice, STORE_A, CONV_1, operatorMessage(ALICE)));
    await assertFails(updateDoc(doc(alice, reply.path), { text: 'Edited' }));
    await assertFails(deleteDoc(doc(alice, reply.path)));
    await assertFails(deleteDoc(messageDoc(alice, STORE_A, CONV_1)));
  });
});
