/**
 * Replies that reach a shopper who left the store. When an operator answers and the
 * shopper is gone (and left an email, or is a verified customer with one), the reply joins
 * the conversation's pending batch; the sweep sends a batch once its first reply is
 * REPLY_EMAIL_COALESCE_SECONDS old, so a merchant's three quick lines make one email.
 *
 * Exactly once per reply: queueing marks the message `emailQueuedAt` in the same
 * transaction (a redelivered trigger sees the mark and stops), and sending first moves the
 * batch to a delivery document in a transaction (two sweeps cannot both claim it).
 */
import {
  replyDeliveriesPath,
  replyEmailPath,
  shopperPresence,
  type Conversation,
  type Message,
} from '@comptoir/core';
import { FieldValue, Timestamp, type DocumentReference } from 'firebase-admin/firestore';
import { db, inboundEmailDomain, REPLY_EMAIL_COALESCE_SECONDS } from '../config';
import { tokensFor } from '../data/emailTokens';
import { ordersRef } from '../data/orders';
import { conversationRef, messagesRef, storeRef } from '../data/refs';
import { replyEmail, type EmailedMessage, type EmailedOrder } from '../domain/replyEmail';
import * as log from '../logs';
import { describeSendError, sendMail } from './sendgrid';

interface PendingBatch {
  storeId: string;
  conversationId: string;
  messageIds: string[];
  dueAt: Timestamp;
}

/** Where replies to this conversation go by email, if anywhere. */
export function shopperEmailOf(
  conversation: Pick<Conversation, 'contact' | 'shopper'>,
): { email: string; name: string | null } | null {
  if (conversation.contact?.email) return conversation.contact;
  const s = conversation.shopper;
  if (s.kind === 'customer' && s.email) return { email: s.email, name: s.displayName };
  return null;
}

const isAway = (c: Conversation, nowMs: number) =>
  shopperPresence(c.shopperSeenAt?.toMillis(), c.shopperLeftAt?.toMillis(), nowMs) === 'left';

/** Called by the message trigger for an operator reply. */
export async function queueReplyEmail(storeId: string, conversationId: string, messageId: string) {
  const conversationDoc = conversationRef(storeId, conversationId);
  const messageDoc = messagesRef(storeId, conversationId).doc(messageId);
  const pendingDoc = db.doc(replyEmailPath(storeId, conversationId));
  const queued = await db.runTransaction(async (tx) => {
    const [conversation, message, pending] = await Promise.all([
      tx.get(conversationDoc),
      tx.get(messageDoc),
      tx.get(pendingDoc),
    ]);
    const c = conversation.data();
    const m = message.data() as (Message & { emailQueuedAt?: Timestamp }) | undefined;
    if (!c || !m || m.author !== 'operator' || m.emailQueuedAt) return false;
    if (!shopperEmailOf(c) || !isAway(c, Date.now())) return false;
    const now = Timestamp.now();
    tx.set(
      pendingDoc,
      {
        storeId,
        conversationId,
        messageIds: FieldValue.arrayUnion(messageId),
        dueAt:
          (pending.data() as PendingBatch | undefined)?.dueAt ??
          Timestamp.fromMillis(now.toMillis() + REPLY_EMAIL_COALESCE_SECONDS * 1000),
      },
      { merge: true },
    );
    tx.update(messageDoc, { emailQueuedAt: now });
    return true;
  });
  if (queued) log.replyEmailQueued(storeId, conversationId, messageId);
}

/** The sweep: sends every batch that is due. Returns how many emails went out. */
export async function sendDueReplyEmails(nowMs = Date.now()): Promise<number> {
  const due = await db
    .collectionGroup('replyEmails')
    .where('dueAt', '<=', Timestamp.fromMillis(nowMs))
    .limit(50)
    .get();
  let sent = 0;
  for (const doc of due.docs) {
    const { storeId, conversationId } = doc.data() as PendingBatch;
    if ((await deliverReplyBatch(storeId, conversationId, nowMs)) === 'sent') sent++;
  }
  return sent;
}

export type ReplyDeliveryOutcome = 'sent' | 'skipped' | 'failed';

export async function deliverReplyBatch(
  storeId: string,
  conversationId: string,
  nowMs = Date.now(),
): Promise<ReplyDeliveryOutcome> {
  const pendingDoc = db.doc(replyEmailPath(storeId, conversationId));
  const delivery = db.collection(replyDeliveriesPath(storeId, conversationId)).doc();
  // Claim: the batch becomes a delivery in one transaction, so it is sent by one caller.
  const messageIds = await db.runTransaction(async (tx) => {
    const pending = (await tx.get(pendingDoc)).data() as PendingBatch | undefined;
    if (!pending || pending.dueAt.toMillis() > nowMs) return null;
    tx.delete(pendingDoc);
    tx.create(delivery, {
      messageIds: pending.messageIds,
      state: 'sending',
      claimedAt: Timestamp.now(),
    });
    return pending.messageIds;
  });
  if (!messageIds) return 'skipped';

  const [conversationSnap, storeSnap, messagesSnap] = await Promise.all([
    conversationRef(storeId, conversationId).get(),
    storeRef(storeId).get(),
    messagesRef(storeId, conversationId).orderBy('createdAt').get(),
  ]);
  const c = conversationSnap.data();
  const store = storeSnap.data();
  const to = c ? shopperEmailOf(c) : null;
  const finish = (state: string, extra: Record<string, unknown> = {}) =>
    delivery.update({ state, finishedAt: Timestamp.now(), ...extra });
  if (!c || !store || !to) {
    await finish('skipped', { reason: 'no-recipient' });
    log.replyEmailSkipped(storeId, conversationId, 'no-recipient');
    return 'skipped';
  }
  const all = messagesSnap.docs.map((d) => ({ id: d.id, ...(d.data() as Message) }));
  const replies = all.filter((m) => messageIds.includes(m.id));
  const lastReplyMs = Math.max(...replies.map((m) => m.createdAt.toMillis()));
  // Back on the store and already read them in the chat: an email would only repeat it.
  if (!isAway(c, nowMs) && (c.shopperReadAt?.toMillis() ?? 0) >= lastReplyMs) {
    await finish('skipped', { reason: 'read-in-chat' });
    log.replyEmailSkipped(storeId, conversationId, 'read-in-chat');
    return 'skipped';
  }
  const firstReply = all.findIndex((m) => messageIds.includes(m.id));
  const tokens = await tokensFor(storeId, conversationId);
  const emailed = (m: Message): EmailedMessage => ({
    author: m.author,
    authorName: m.authorName,
    text: m.text,
    createdAtMs: m.createdAt.toMillis(),
  });
  try {
    await sendMail(
      replyEmail({
        store: {
          name: store.name,
          senderName: store.senderName,
          senderEmail: store.senderEmail || `no-reply@${inboundEmailDomain()}`,
        },
        to,
        replies: replies.map(emailed),
        earlier: all.slice(0, Math.max(0, firstReply)).map(emailed),
        orders: await recentOrdersOf(storeId, to.email),
        replyAddress: `reply+${tokens.replyToken}@${inboundEmailDomain()}`,
        resumeUrl: resumeUrlOf(c.pageUrl ?? null, tokens.resumeToken),
        nowMs,
      }),
    );
  } catch (error) {
    const reason = describeSendError(error);
    await finish('error', { error: reason });
    log.replyEmailFailed(storeId, conversationId, reason);
    return 'failed';
  }
  const batch = db.batch();
  const sentAt = Timestamp.now();
  for (const m of replies) {
    batch.update(messagesRef(storeId, conversationId).doc(m.id) as DocumentReference, {
      emailedAt: sentAt,
    });
  }
  batch.update(delivery, { state: 'sent', finishedAt: sentAt, to: to.email });
  await batch.commit();
  log.replyEmailSent(storeId, conversationId, replies.length);
  return 'sent';
}

/** The store page the chat started on, with the resume token the loader picks up. */
export function resumeUrlOf(pageUrl: string | null, resumeToken: string): string | null {
  if (!pageUrl) return null;
  try {
    const url = new URL(pageUrl);
    url.searchParams.set('comptoir_resume', resumeToken);
    url.hash = '';
    return url.toString();
  } catch {
    return null;
  }
}

/**
 * The shopper's orders, when the store shares them (`stores/{id}/orders`, written by the
 * store's server): matched on the email, the email template keeps the last 14 days.
 */
async function recentOrdersOf(storeId: string, email: string): Promise<EmailedOrder[]> {
  // The orders endpoint stores emails trimmed and in lower case; a verified customer's may not be.
  const snapshot = await ordersRef(storeId).where('email', '==', email.trim().toLowerCase()).get();
  return snapshot.docs.map((d) => {
    const o = d.data();
    return {
      number: String(o.number ?? d.id),
      status: String(o.status ?? ''),
      createdAtMs: o.createdAt?.toMillis?.() ?? 0,
      total: typeof o.total === 'number' ? o.total : undefined,
      currency: typeof o.currency === 'string' ? o.currency : undefined,
      trackingUrl: typeof o.trackingUrl === 'string' ? o.trackingUrl : null,
    };
  });
}
