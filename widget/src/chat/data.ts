/**
 * The chat app's only door to Firestore and the functions: typed refs built from the
 * shared paths, the startConversation callable, and sending a shopper message.
 */
import {
  conversationPath,
  type Conversation,
  type CustomerIdentity,
  messagesPath,
  widgetSettingsPath,
  type Message,
  type WidgetSettings,
} from '@comptoir/core';
import {
  addDoc,
  collection,
  doc,
  getDoc,
  onSnapshot,
  orderBy,
  query,
  serverTimestamp,
  updateDoc,
  type Unsubscribe,
} from 'firebase/firestore';
import { httpsCallable } from 'firebase/functions';
import { db, functions } from './firebase';

export interface ThreadMessage extends Omit<Message, 'createdAt'> {
  id: string;
  createdAt: Date | null;
  pending: boolean;
}

export async function loadWidgetSettings(storeId: string): Promise<WidgetSettings | null> {
  const snapshot = await getDoc(doc(db, widgetSettingsPath(storeId)));
  return snapshot.exists() ? (snapshot.data() as WidgetSettings) : null;
}

const startConversationCallable = httpsCallable<
  { storeId: string; language: string; pageUrl: string | null },
  { conversationId: string; resumed: boolean }
>(functions, 'startConversation');

/**
 * Asks the server for this shopper's conversation: created on the first message, and
 * reopened when they write again after it was finished.
 */
export async function startConversation(storeId: string, language: string, pageUrl: string | null) {
  const result = await startConversationCallable({ storeId, language, pageUrl });
  return result.data.conversationId;
}

const setShopperContactCallable = httpsCallable<
  { storeId: string; email: string; name: string | null },
  { ok: true }
>(functions, 'setShopperContact');

/** The email (and name) the shopper leaves for answers that come after they leave. */
export function setShopperContact(
  storeId: string,
  contact: { email: string; name: string | null },
) {
  return setShopperContactCallable({ storeId, ...contact });
}

const resumeConversationCallable = httpsCallable<
  { storeId: string; token: string },
  { conversationId: string }
>(functions, 'resumeConversation');

/** A reply email's resume link: the conversation becomes this browser's. */
export async function resumeConversation(storeId: string, token: string) {
  return (await resumeConversationCallable({ storeId, token })).data.conversationId;
}

/** Live messages of one conversation, oldest first, including not-yet-confirmed sends. */
export function watchMessages(
  storeId: string,
  conversationId: string,
  onMessages: (messages: ThreadMessage[]) => void,
  onError: (error: Error) => void,
): Unsubscribe {
  const q = query(collection(db, messagesPath(storeId, conversationId)), orderBy('createdAt'));
  return onSnapshot(
    q,
    { includeMetadataChanges: true },
    (snapshot) => {
      onMessages(
        snapshot.docs.map((d) => {
          const data = d.data({ serverTimestamps: 'estimate' });
          return {
            id: d.id,
            author: data.author,
            authorUid: data.authorUid,
            authorName: data.authorName,
            text: data.text,
            via: data.via,
            // Commerce: system lines, discount and product cards (see rich.ts).
            event: data.event,
            discount: data.discount,
            products: data.products,
            createdAt: data.createdAt?.toDate?.() ?? null,
            pending: d.metadata.hasPendingWrites,
          } as ThreadMessage;
        }),
      );
    },
    onError,
  );
}

/** Whether this shopper may still read the conversation (it may have been removed). */
export async function conversationExists(storeId: string, conversationId: string) {
  try {
    return (await getDoc(doc(db, conversationPath(storeId, conversationId)))).exists();
  } catch {
    return false;
  }
}

export function sendShopperMessage(
  storeId: string,
  conversationId: string,
  shopperUid: string,
  text: string,
) {
  return addDoc(collection(db, messagesPath(storeId, conversationId)), {
    author: 'shopper',
    authorUid: shopperUid,
    text,
    createdAt: serverTimestamp(),
  });
}

/** Tells the store the shopper is still here (keeps their chat slot; see the sweep). */
export function sendHeartbeat(storeId: string, conversationId: string) {
  return updateDoc(doc(db, conversationPath(storeId, conversationId)), {
    shopperSeenAt: serverTimestamp(),
  });
}

const submitOfflineMessageCallable = httpsCallable<
  { storeId: string; fields: Record<string, string>; website: string; language: string },
  { ok: true }
>(functions, 'submitOfflineMessage');

export function submitOfflineMessage(
  storeId: string,
  fields: Record<string, string>,
  website: string,
  language: string,
) {
  return submitOfflineMessageCallable({ storeId, fields, website, language });
}

const identifyShopperCallable = httpsCallable<
  { storeId: string; customer: CustomerIdentity },
  { ok: true; customerId: string }
>(functions, 'identifyShopper');

/** Passes the store page's signed customer to the server, which checks the signature. */
export function identifyShopper(storeId: string, customer: CustomerIdentity) {
  return identifyShopperCallable({ storeId, customer });
}

/** What the chat shows from the conversation document: the operator typing, and "seen". */
export interface ConversationView {
  status: Conversation['status'];
  /** Replies can reach the shopper by email (they left one, or the store knows it). */
  hasEmail: boolean;
  operatorTypingAt: number | null;
  operatorTypingName: string | null;
  operatorReadAt: number | null;
  shopperReadAt: number | null;
}

export function watchConversation(
  storeId: string,
  conversationId: string,
  onChange: (view: ConversationView) => void,
): Unsubscribe {
  return onSnapshot(doc(db, conversationPath(storeId, conversationId)), (snapshot) => {
    const data = snapshot.data({ serverTimestamps: 'estimate' }) as Conversation | undefined;
    if (!data) return;
    onChange({
      status: data.status,
      hasEmail: Boolean(
        data.contact?.email || (data.shopper.kind === 'customer' && data.shopper.email),
      ),
      operatorTypingAt: data.operatorTypingAt?.toMillis() ?? null,
      operatorTypingName: data.operatorTypingName ?? null,
      operatorReadAt: data.operatorReadAt?.toMillis() ?? null,
      shopperReadAt: data.shopperReadAt?.toMillis() ?? null,
    });
  });
}

/** The shopper's typing mark (see core/src/typing.ts for the throttling). */
export function setShopperTyping(storeId: string, conversationId: string, typing: boolean) {
  return updateDoc(doc(db, conversationPath(storeId, conversationId)), {
    shopperTypingAt: typing ? serverTimestamp() : null,
  });
}

/** The shopper has seen the thread (operators then see "Seen" under their replies). */
export function markSeenByShopper(storeId: string, conversationId: string) {
  return updateDoc(doc(db, conversationPath(storeId, conversationId)), {
    shopperReadAt: serverTimestamp(),
  });
}
