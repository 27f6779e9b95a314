/**
 * The automatic first response: when a shopper writes and nobody has answered yet, post
 * the store's automatic response (if it has one) in the conversation's language, under
 * the store's name, once per conversation. Written as an `operator` message so the
 * widget shows it like any reply, with `automatic: true` and a fixed id: the id makes a
 * redelivered event, or a second message arriving at the same time, a no-op.
 */
import { autoReplyText, type Message } from '@comptoir/core';
import { Timestamp } from 'firebase-admin/firestore';
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { conversationRef, messagesRef, storeRef } from '../data/refs';
import * as log from '../logs';

/** The automatic response's message id and author uid (no operator has this uid). */
export const AUTO_REPLY_ID = 'automatic-first-response';

const ALREADY_EXISTS = 6;

export const onFirstShopperMessage = onDocumentCreated(
  'stores/{storeId}/conversations/{conversationId}/messages/{messageId}',
  async (event) => {
    const { storeId, conversationId } = event.params;
    const message = event.data?.data() as Message | undefined;
    if (message?.author !== 'shopper') return;
    const messages = messagesRef(storeId, conversationId);
    const [store, conversation, answered] = await Promise.all([
      storeRef(storeId).get(),
      conversationRef(storeId, conversationId).get(),
      messages.where('author', '==', 'operator').limit(1).get(),
    ]);
    // An operator already answered (or a previous event already did): nothing to add.
    if (!answered.empty || conversation.data()?.status !== 'ongoing') return;
    const settings = store.data();
    const language = conversation.data()!.language;
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
  },
);
