/**
 * The automatic first response: when a shopper writes and nobody has answered yet, post
 * the store's automatic response (if it has one) in the conversation's language, under
 * the store's name, once per conversation. Written as an `operator` message so the
 * widget shows it like any reply, with `automatic: true` and a fixed id: the id makes a
 * redelivered event, or a second message arriving at the same time, a no-op.
 *
 * Called by onMessageCreated with the conversation it already read, so a message costs
 * one trigger, and nothing more once the conversation has been answered.
 */
import { autoReplyText, type Conversation } from '@comptoir/core';
import { Timestamp } from 'firebase-admin/firestore';
import { messagesRef, storeRef } from './data/refs';
import * as log from './logs';

/** The automatic response's message id and author uid (no operator has this uid). */
export const AUTO_REPLY_ID = 'automatic-first-response';

const ALREADY_EXISTS = 6;

/** Posts the automatic response after a shopper's message, unless someone has answered. */
export async function postAutomaticResponse(
  storeId: string,
  conversationId: string,
  conversation: Pick<Conversation, 'status' | 'language' | 'answeredAt'>,
) {
  if (conversation.status !== 'ongoing' || conversation.answeredAt) return;
  const messages = messagesRef(storeId, conversationId);
  // NOTE: answeredAt is set by this same trigger for the answer's own event, which may not
  // have run yet (events are not ordered): the thread itself says whether anyone answered.
  const [store, answered] = await Promise.all([
    storeRef(storeId).get(),
    messages.where('author', '==', 'operator').limit(1).get(),
  ]);
  if (!answered.empty) return;
  const settings = store.data();
  const language = conversation.language;
  const text = autoReplyText(settings?.autoReply, language, settings?.defaultLanguage ?? 'en');
  if (!text) return;
  try {
    await messages.doc(AUTO_REPLY_ID).create({
      author: 'operator',
      authorUid: AUTO_REPLY_ID,
      authorName: settings!.name,
      text,
      createdAt: Timestamp.now(),
      automatic: true,
    });
    log.autoReplySent(storeId, conversationId, language);
  } catch (error) {
    if ((error as { code?: number }).code !== ALREADY_EXISTS) throw error;
  }
}
