/**
 * Conversations made the way people make them, through the real callables and rules: a
 * shopper (maybe a verified customer) writes, the operator answers and ends the chat.
 */
import { createHmac } from 'node:crypto';
import { getFirestore } from 'firebase-admin/firestore';
import { addDoc, collection, serverTimestamp } from 'firebase/firestore';
import { conversationPath, messagesPath, type Conversation } from '@comptoir/core';
import { call, eventually, type Client } from './emulators';

export interface ChatStore {
  storeId: string;
  /** An operator of the store, online. */
  operator: Client & { uid: string };
  operatorName: string;
  /** The store's identity secret, as its server keeps it. */
  secret: string;
}

export interface Customer {
  id: string;
  name: string;
  email?: string;
  phone?: string;
}

/** The store's server signs the customer id; the widget passes it on to identifyShopper. */
export async function identifyAs(store: ChatStore, shopper: Client, customer: Customer) {
  const signature = createHmac('sha256', store.secret).update(customer.id).digest('hex');
  await call(shopper, 'identifyShopper', {
    storeId: store.storeId,
    customer: { ...customer, signature },
  });
}

export const conversationOf = async (storeId: string, id: string) =>
  (await getFirestore().doc(conversationPath(storeId, id)).get()).data() as
    Conversation | undefined;

/**
 * The shopper writes `texts`, the operator answers once, then (unless `end` is false)
 * ends the conversation. Returns the conversation id.
 */
export async function chat(
  store: ChatStore,
  shopper: Client & { uid: string },
  texts: string[],
  { end = true, reply = 'Happy to help!' } = {},
): Promise<string> {
  const { storeId } = store;
  const { conversationId } = await call<{ conversationId: string }>(shopper, 'startConversation', {
    storeId,
  });
  for (const text of texts) {
    await addDoc(collection(shopper.db, messagesPath(storeId, conversationId)), {
      author: 'shopper',
      authorUid: shopper.uid,
      text,
      createdAt: serverTimestamp(),
    });
  }
  await addDoc(collection(store.operator.db, messagesPath(storeId, conversationId)), {
    author: 'operator',
    authorUid: store.operator.uid,
    authorName: store.operatorName,
    text: reply,
    createdAt: serverTimestamp(),
  });
  // The summary trigger has run: the inbox shows the reply as the last message.
  await eventually(
    () => conversationOf(storeId, conversationId),
    (c) => c?.lastMessage?.text === reply,
  );
  if (end) await call(store.operator, 'endConversation', { storeId, conversationId });
  return conversationId;
}
