/**
 * The attack suite, rules part: one hostile client write or read per case, against the real
 * firestore.rules. Each case first proves the legitimate twin of the attempt goes through
 * (so a case cannot pass merely because the path or the data is wrong), then asserts the
 * hostile attempt is refused.
 */
import { describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import {
  addDoc,
  collection,
  collectionGroup,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
  type DocumentData,
  type Firestore,
} from 'firebase/firestore';
import {
  availabilityPath,
  conversationPath,
  conversationSecretsPath,
  discountPath,
  discountUsePath,
  emailTokenPath,
  historyRowPath,
  identitySecretPath,
  invitationPath,
  memberPath,
  messagesPath,
  offlineMessagePath,
  presencePath,
  rateLimitPath,
  replyEmailPath,
  savedReplyPath,
  serverSecretPath,
  shopperPath,
  signedRequestPath,
  slotPath,
  storePath,
  widgetSettingsPath,
} from '@comptoir/core';
import type { RulesTestEnvironment } from '@firebase/rules-unit-testing';
import {
  ALICE,
  BRUNO,
  CONV_1,
  CONV_1_FINISHED,
  CONV_2,
  PAST,
  SEEDED_MESSAGE,
  SHOPPER_1,
  SHOPPER_2,
  STORE_A,
  STORE_B,
  asNobody,
  asOperator,
  asShopper,
  conversationData,
  seedDoc,
  useRulesEnv,
} from './setup';

const FUTURE = { seconds: 4102444800, nanoseconds: 0 }; // 2100-01-01, as a plain map
const SAVED_REPLY = 'reply-1';
const OFFLINE = 'offline-1';

// Everything a store keeps, one document each, so every collection can be attacked.
const rules = useRulesEnv(async (env) => {
  const docs: [string, object][] = [
    [presencePath(STORE_A, ALICE.uid), { online: true, lastSeenAt: PAST }],
    [
      offlineMessagePath(STORE_A, OFFLINE),
      {
        fields: { email: 'ada@example.com', message: 'Do you ship to Belgium?' },
        language: 'en',
        shopperUid: SHOPPER_1,
        createdAt: PAST,
        read: false,
      },
    ],
    [identitySecretPath(STORE_A), { secret: 'identity-secret', rotatedAt: PAST }],
    [serverSecretPath(STORE_A), { secret: 'server-secret', rotatedAt: PAST }],
    [shopperPath(STORE_A, SHOPPER_1), { ongoingConversationId: CONV_1 }],
    [slotPath(STORE_A, 0), { conversationId: CONV_1 }],
    [rateLimitPath(STORE_A, `shopper-${SHOPPER_1}`), { windowStart: 0, count: 1 }],
    [invitationPath(STORE_A, 'inv-1'), { email: 'new@store-a.test', state: 'pending' }],
    [historyRowPath(STORE_A, 'row-1'), { kind: 'guest', conversationIds: [CONV_1_FINISHED] }],
    [replyEmailPath(STORE_A, CONV_1), { messageIds: ['m1'] }],
    [conversationSecretsPath(STORE_A, CONV_1), { replyToken: 'r'.repeat(43) }],
    [emailTokenPath('a'.repeat(64)), { kind: 'resume', storeId: STORE_A, conversationId: CONV_1 }],
    [discountPath(STORE_A, 'SPRING15'), { code: 'SPRING15', usageCount: 0, usageLimit: 1 }],
    [discountUsePath(STORE_A, 'SPRING15', CONV_1), { usedAt: PAST }],
    [signedRequestPath(STORE_A, 'ab'.repeat(32)), { path: '/api/cart-events' }],
    [savedReplyPath(STORE_A, SAVED_REPLY), { title: 'Hours', text: 'Open 9–5.', updatedAt: PAST }],
  ];
  await Promise.all(docs.map(([path, data]) => seedDoc(env, path, data)));
});

type Caller = (env: RulesTestEnvironment) => Firestore;
const shopper1: Caller = (env) => asShopper(env, SHOPPER_1);
const shopper2: Caller = (env) => asShopper(env, SHOPPER_2);
const alice: Caller = (env) => asOperator(env, ALICE);
const bruno: Caller = (env) => asOperator(env, BRUNO);
const nobody: Caller = (env) => asNobody(env);

// ---- Reading what is not yours ------------------------------------------------------

/** Store A's documents a client may read, with who legitimately reads each. */
const readable: [string, string, Caller][] = [
  ['private settings', storePath(STORE_A), alice],
  ['member list entry', memberPath(STORE_A, ALICE.uid), alice],
  ['conversation', conversationPath(STORE_A, CONV_1), shopper1],
  ['message', `${messagesPath(STORE_A, CONV_1)}/${SEEDED_MESSAGE}`, shopper1],
  ['operator presence', presencePath(STORE_A, ALICE.uid), alice],
  ['offline message', offlineMessagePath(STORE_A, OFFLINE), alice],
  ['identity secret', identitySecretPath(STORE_A), alice],
  ['server secret', serverSecretPath(STORE_A), alice],
  ['invitation', invitationPath(STORE_A, 'inv-1'), alice],
  ['history row', historyRowPath(STORE_A, 'row-1'), alice],
  ['discount', discountPath(STORE_A, 'SPRING15'), alice],
  ['discount use', discountUsePath(STORE_A, 'SPRING15', CONV_1), alice],
  ['saved reply', savedReplyPath(STORE_A, SAVED_REPLY), alice],
];

const intruders: [string, Caller][] = [
  ["another store's operator", bruno],
  ['another shopper', shopper2],
  ['a signed-out visitor', nobody],
];

describe('attack: reading another shopper’s or another store’s data', () => {
  const cases = readable.flatMap(([what, path, owner]) =>
    intruders.map(([who, intruder]) => ({ what, path, owner, who, intruder })),
  );
  it.each(cases)('$who cannot read store A’s $what', async ({ path, owner, intruder }) => {
    await assertSucceeds(getDoc(doc(owner(rules.env), path)));
    await assertFails(getDoc(doc(intruder(rules.env), path)));
  });

  it('a shopper cannot list the store’s conversations by guessing a query', async () => {
    const own = query(
      collection(shopper2(rules.env), `${storePath(STORE_A)}/conversations`),
      where('shopperUid', '==', SHOPPER_2),
    );
    await assertSucceeds(getDocs(own));
    const theirs = query(
      collection(shopper2(rules.env), `${storePath(STORE_A)}/conversations`),
      where('shopperUid', '==', SHOPPER_1),
    );
    await assertFails(getDocs(theirs));
  });

  it('an operator cannot list other people’s memberships across stores', async () => {
    const members = collectionGroup(bruno(rules.env), 'members');
    await assertSucceeds(getDocs(query(members, where('uid', '==', BRUNO.uid))));
    await assertFails(getDocs(query(members, where('uid', '==', ALICE.uid))));
    await assertFails(getDocs(members));
  });
});

// ---- Writing where only functions write -----------------------------------------------

/** Documents only Cloud Functions write, each with a plausible forged body. */
const functionOnly: [string, string, DocumentData][] = [
  ['the store settings', storePath(STORE_A), { name: 'Mine now', maxConcurrentChats: 999 }],
  ['the public widget texts', widgetSettingsPath(STORE_A), { storeName: '<b>pwned</b>' }],
  ['the availability status', availabilityPath(STORE_A), { status: 'hidden' }],
  ['an operator’s presence', presencePath(STORE_A, ALICE.uid), { online: false }],
  ['a new conversation', conversationPath(STORE_A, 'conv-forged'), { shopperUid: SHOPPER_1 }],
  ['an offline message', offlineMessagePath(STORE_A, 'forged'), { fields: {}, read: false }],
  ['the identity secret', identitySecretPath(STORE_A), { secret: 'attacker-knows-this' }],
  ['the server secret', serverSecretPath(STORE_A), { secret: 'attacker-knows-this' }],
  ['the shopper record (verified customer)', shopperPath(STORE_A, SHOPPER_1), { customer: {} }],
  ['a chat slot (concurrency counter)', slotPath(STORE_A, 1), { conversationId: CONV_2 }],
  ['a rate-limit counter', rateLimitPath(STORE_A, `shopper-${SHOPPER_1}`), { count: 0 }],
  ['an invitation', invitationPath(STORE_A, 'inv-2'), { email: 'me@x.test', role: 'owner' }],
  ['a history row', historyRowPath(STORE_A, 'row-2'), { kind: 'guest' }],
  ['a reply-email batch', replyEmailPath(STORE_A, CONV_1), { messageIds: [] }],
  ['a conversation’s email tokens', conversationSecretsPath(STORE_A, CONV_1), { replyToken: 'x' }],
  ['an email token', emailTokenPath('b'.repeat(64)), { storeId: STORE_A, conversationId: CONV_1 }],
  ['a discount code', discountPath(STORE_A, 'FREE100'), { code: 'FREE100', value: 100 }],
  ['a discount usage', discountUsePath(STORE_A, 'SPRING15', CONV_2), { usedAt: PAST }],
  ['a replay-guard record', signedRequestPath(STORE_A, 'cd'.repeat(32)), { path: '/x' }],
];

describe('attack: writing to collections only functions write', () => {
  it.each(functionOnly)(
    'neither an owner, a shopper nor a signed-out visitor can write %s',
    async (_what, path, data) => {
      for (const caller of [alice, shopper1, nobody]) {
        await assertFails(setDoc(doc(caller(rules.env), path), data));
        await assertFails(setDoc(doc(caller(rules.env), path), data, { merge: true }));
      }
      // Where the document exists, deleting it is refused as well.
      await assertFails(deleteDoc(doc(alice(rules.env), path)));
    },
  );

  it('an operator cannot promote themself to owner', async () => {
    const own = doc(bruno(rules.env), memberPath(STORE_B, BRUNO.uid));
    await assertSucceeds(getDoc(own));
    await assertFails(updateDoc(own, { role: 'owner' }));
  });

  it('an operator cannot add themself to another store', async () => {
    await assertFails(setDoc(doc(bruno(rules.env), memberPath(STORE_A, BRUNO.uid)), BRUNO));
  });

  it('an owner cannot make someone a member without an invitation', async () => {
    const stranger = { uid: 'stranger', role: 'owner', displayName: 'X', email: 'x@x.test' };
    await assertFails(setDoc(doc(alice(rules.env), memberPath(STORE_A, 'stranger')), stranger));
  });

  it('an operator cannot rename themself behind the profile function’s checks', async () => {
    const own = doc(alice(rules.env), memberPath(STORE_A, ALICE.uid));
    await assertFails(updateDoc(own, { displayName: 'Support <script>' }));
  });
});

// ---- Forged messages -----------------------------------------------------------------

const shopperMessage = (): DocumentData => ({
  author: 'shopper',
  authorUid: SHOPPER_1,
  text: 'Do you have this in blue?',
  createdAt: serverTimestamp(),
});

const operatorMessage = (): DocumentData => ({
  author: 'operator',
  authorUid: ALICE.uid,
  authorName: ALICE.displayName,
  text: 'Yes, in all sizes.',
  createdAt: serverTimestamp(),
});

const without = (data: DocumentData, key: string) =>
  Object.fromEntries(Object.entries(data).filter(([k]) => k !== key));

/** A forged version of a legitimate message, and what the forgery is. */
const forgeries: [string, (m: DocumentData) => DocumentData][] = [
  ['as the other side', (m) => ({ ...m, author: m.author === 'shopper' ? 'operator' : 'shopper' })],
  ['as the system (a fake cart line)', (m) => ({ ...m, author: 'system' })],
  ['with another author uid', (m) => ({ ...m, authorUid: 'someone-else' })],
  ['without an author', (m) => without(m, 'author')],
  ['backdated', (m) => ({ ...m, createdAt: PAST })],
  ['postdated', (m) => ({ ...m, createdAt: FUTURE })],
  ['with a client-chosen time as a string', (m) => ({ ...m, createdAt: '2024-01-01' })],
  ['without a time', (m) => without(m, 'createdAt')],
  ['with an extra field', (m) => ({ ...m, pinned: true })],
  ['posing as an email reply', (m) => ({ ...m, via: 'email' })],
  ['carrying a forged event card', (m) => ({ ...m, event: { kind: 'discount', code: 'X' } })],
  ['empty', (m) => ({ ...m, text: '' })],
  ['over 2000 characters', (m) => ({ ...m, text: 'x'.repeat(2001) })],
  ['of 1 MB', (m) => ({ ...m, text: 'x'.repeat(1024 * 1000) })],
  ['with a number for text', (m) => ({ ...m, text: 42 })],
  ['with a map for text', (m) => ({ ...m, text: { html: '<img src=x onerror=alert(1)>' } })],
  ['with a list for text', (m) => ({ ...m, text: ['Hello'] })],
  ['with null text', (m) => ({ ...m, text: null })],
];

describe('attack: forged shopper messages', () => {
  const post = (db: Firestore, data: DocumentData) =>
    addDoc(collection(db, messagesPath(STORE_A, CONV_1)), data);

  it.each(forgeries)('a shopper cannot send a message %s', async (_what, forge) => {
    await assertSucceeds(post(shopper1(rules.env), shopperMessage()));
    await assertFails(post(shopper1(rules.env), forge(shopperMessage())));
  });

  it('a shopper cannot sign a message with an operator’s name', async () => {
    await assertFails(post(shopper1(rules.env), { ...shopperMessage(), authorName: 'Alice' }));
  });

  it('a shopper cannot post into another shopper’s conversation, even as themself', async () => {
    const other = collection(shopper1(rules.env), messagesPath(STORE_A, CONV_2));
    await assertFails(addDoc(other, shopperMessage()));
  });

  it('a shopper cannot post with a message id of their choosing over an existing one', async () => {
    const seeded = doc(shopper1(rules.env), `${messagesPath(STORE_A, CONV_1)}/${SEEDED_MESSAGE}`);
    await assertFails(setDoc(seeded, shopperMessage()));
  });

  it('a signed-out visitor cannot post, even with a well-formed message', async () => {
    await assertFails(post(nobody(rules.env), shopperMessage()));
  });
});

describe('attack: forged operator messages', () => {
  const post = (db: Firestore, data: DocumentData, storeId = STORE_A, id = CONV_1) =>
    addDoc(collection(db, messagesPath(storeId, id)), data);

  it.each(forgeries)('an operator cannot send a message %s', async (_what, forge) => {
    await assertSucceeds(post(alice(rules.env), operatorMessage()));
    await assertFails(post(alice(rules.env), forge(operatorMessage())));
  });

  it.each([
    ['another operator’s name', 'Bruno'],
    ['the store’s name', 'Store A'],
    ['a name with markup', '<b>Alice</b>'],
    ['an empty name', ''],
  ])('an operator cannot sign a reply with %s', async (_what, authorName) => {
    await assertFails(post(alice(rules.env), { ...operatorMessage(), authorName }));
  });

  it('an operator cannot reply into another store’s conversation', async () => {
    const brunoReply = { ...operatorMessage(), authorUid: BRUNO.uid, authorName: 'Bruno' };
    await assertFails(post(bruno(rules.env), brunoReply));
  });
});

describe('attack: editing or deleting messages', () => {
  const seeded = (db: Firestore) => doc(db, `${messagesPath(STORE_A, CONV_1)}/${SEEDED_MESSAGE}`);

  it.each([
    ['the shopper edits their own message', shopper1, 'update'],
    ['the shopper deletes their own message', shopper1, 'delete'],
    ['an operator edits the shopper’s message', alice, 'update'],
    ['an operator deletes the shopper’s message', alice, 'delete'],
    ['another shopper edits the message', shopper2, 'update'],
    ['a signed-out visitor deletes the message', nobody, 'delete'],
  ] as const)('refused: %s', async (_what, caller, action) => {
    await assertSucceeds(getDoc(seeded(shopper1(rules.env))));
    const ref = seeded(caller(rules.env));
    await assertFails(action === 'update' ? updateDoc(ref, { text: 'Edited' }) : deleteDoc(ref));
  });

  it('an operator cannot rewrite their own reply after sending it', async () => {
    const reply = await assertSucceeds(
      addDoc(collection(alice(rules.env), messagesPath(STORE_A, CONV_1)), operatorMessage()),
    );
    await assertFails(updateDoc(doc(alice(rules.env), reply.path), { text: 'I never said it' }));
  });
});

// ---- Forged conversation fields ----------------------------------------------------------

describe('attack: forged conversation fields', () => {
  const conversation = (caller: Caller, id = CONV_1) =>
    doc(caller(rules.env), conversationPath(STORE_A, id));

  it.each([
    ['its status', { status: 'finished' }],
    ['its unread count', { unreadByOperator: 0 }],
    ['who it belongs to', { shopperUid: SHOPPER_2 }],
    ['a verified customer identity', { shopper: { kind: 'customer', customerId: 'vip' } }],
    ['its contact email', { contact: { email: 'attacker@example.com' } }],
    ['an applied discount', { discount: { code: 'FREE100', value: 100 } }],
    ['its cart', { cart: { subtotal: 0, items: [] } }],
    ['its last message', { lastMessage: { text: 'Refund approved', author: 'operator' } }],
    ['a backdated heartbeat', { shopperSeenAt: PAST }],
    ['a postdated read mark', { shopperReadAt: FUTURE }],
    ['a backdated typing mark', { shopperTypingAt: PAST }],
    ['the operator’s read mark', { operatorReadAt: serverTimestamp() }],
    ['an operator typing mark', { operatorTypingAt: serverTimestamp() }],
  ])('a shopper cannot set %s', async (_what, forged) => {
    await assertSucceeds(updateDoc(conversation(shopper1), { shopperSeenAt: serverTimestamp() }));
    await assertFails(updateDoc(conversation(shopper1), forged));
  });

  it('a shopper cannot heartbeat a finished conversation back to life', async () => {
    await assertFails(
      updateDoc(conversation(shopper1, CONV_1_FINISHED), { shopperSeenAt: serverTimestamp() }),
    );
  });

  it('a shopper cannot heartbeat or type into another shopper’s conversation', async () => {
    await assertFails(updateDoc(conversation(shopper2), { shopperTypingAt: serverTimestamp() }));
  });

  it('a shopper cannot send an update that changes nothing it may change', async () => {
    await assertFails(updateDoc(conversation(shopper1), {}));
  });

  it.each([
    ['its status', { status: 'finished' }],
    ['who it belongs to', { shopperUid: ALICE.uid }],
    ['a backdated read mark', { unreadByOperator: 0, operatorReadAt: PAST }],
    ['a non-zero unread count', { unreadByOperator: 3, operatorReadAt: serverTimestamp() }],
    [
      'a typing mark under another name',
      { operatorTypingAt: serverTimestamp(), operatorTypingName: 'Bruno' },
    ],
    ['a backdated typing mark', { operatorTypingAt: PAST, operatorTypingName: 'Alice' }],
    ['only a typing name', { operatorTypingName: 'Alice' }],
    ['the shopper’s heartbeat', { shopperSeenAt: serverTimestamp() }],
    ['the shopper’s identity', { shopper: { kind: 'customer', customerId: 'vip' } }],
  ])('an operator cannot set %s', async (_what, forged) => {
    await assertSucceeds(
      updateDoc(conversation(alice), { unreadByOperator: 0, operatorReadAt: serverTimestamp() }),
    );
    await assertFails(updateDoc(conversation(alice), forged));
  });

  it('an operator of another store cannot mark store A’s conversation read', async () => {
    await assertFails(
      updateDoc(conversation(bruno), { unreadByOperator: 0, operatorReadAt: serverTimestamp() }),
    );
  });

  it('nobody signed out can update a conversation, even with the shopper’s heartbeat', async () => {
    await assertFails(updateDoc(conversation(nobody), { shopperSeenAt: serverTimestamp() }));
  });

  it('a shopper cannot create a conversation with a chosen status and a verified identity', async () => {
    const forged = {
      ...conversationData(SHOPPER_2, 'ongoing', 99),
      shopper: { kind: 'customer', guestNumber: 99, customerId: 'vip', displayName: 'VIP' },
    };
    await assertFails(setDoc(conversation(shopper2, 'conv-forged'), forged));
  });
});

// ---- Console-written documents -----------------------------------------------------------

describe('attack: saved replies and offline messages written by the console', () => {
  const savedReply = (caller: Caller, id = 'reply-new') =>
    doc(caller(rules.env), savedReplyPath(STORE_A, id));
  const valid = () => ({
    title: 'Delivery',
    text: 'We ship in 2 days.',
    updatedAt: serverTimestamp(),
  });

  it.each([
    ['an empty title', { title: '' }],
    ['a title over 60 characters', { title: 't'.repeat(61) }],
    ['a title that is a number', { title: 7 }],
    ['a text over 2000 characters', { text: 'x'.repeat(2001) }],
    ['an empty text', { text: '' }],
    ['a backdated time', { updatedAt: PAST }],
    ['an extra field', { sharedWith: 'store-b' }],
  ])('an operator cannot save a reply with %s', async (_what, change) => {
    await assertSucceeds(setDoc(savedReply(alice), valid()));
    await assertFails(setDoc(savedReply(alice, 'reply-bad'), { ...valid(), ...change }));
  });

  it.each([
    ['another store’s operator', bruno],
    ['a shopper', shopper1],
    ['a signed-out visitor', nobody],
  ])('%s cannot add, edit or delete store A’s saved replies', async (_who, caller) => {
    await assertFails(setDoc(savedReply(caller), valid()));
    await assertFails(setDoc(savedReply(caller, SAVED_REPLY), valid()));
    await assertFails(deleteDoc(savedReply(caller, SAVED_REPLY)));
  });

  const offline = (caller: Caller) => doc(caller(rules.env), offlineMessagePath(STORE_A, OFFLINE));

  it.each([
    ['rewrite what the shopper wrote', { fields: { message: 'Changed' } }],
    ['mark it read with a string', { read: 'yes' }],
    ['change who sent it', { shopperUid: SHOPPER_2 }],
    ['reset its email delivery', { email: { state: 'pending' } }],
  ])('an operator cannot %s on an offline message', async (_what, change) => {
    await assertSucceeds(updateDoc(offline(alice), { read: true }));
    await assertFails(updateDoc(offline(alice), change));
  });

  it.each([
    ['another store’s operator', bruno],
    ['the shopper who sent it', shopper1],
  ])('%s cannot mark an offline message read', async (_who, caller) => {
    await assertFails(updateDoc(offline(caller), { read: true }));
  });
});
