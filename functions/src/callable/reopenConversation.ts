/**
 * `reopenConversation({ storeId, conversationId })`: an operator brings a finished chat back
 * to Ongoing, to follow up with the shopper. It takes a chat slot like any live
 * conversation, so a store at its cap must end another one first.
 */
import { DEFAULT_STORE_SETTINGS, validateConversationId, validateStoreId } from '@comptoir/core';
import { onCall } from 'firebase-functions/v2/https';
import { operatorUid } from '../auth';
import { refreshAvailability } from '../data/availability';
import { reopenConversation as reopen } from '../data/conversations';
import { storeRef } from '../data/refs';
import { refuse, required } from '../errors';
import * as log from '../logs';

export const reopenConversation = onCall<unknown, Promise<{ status: 'ongoing' }>>(
  async (request) => {
    const input = (request.data ?? {}) as Record<string, unknown>;
    const storeId = required(validateStoreId(input.storeId));
    const conversationId = required(validateConversationId(input.conversationId));
    const uid = await operatorUid(request, storeId);

    const store = (await storeRef(storeId).get()).data();
    const cap = store?.maxConcurrentChats ?? DEFAULT_STORE_SETTINGS.maxConcurrentChats;
    const outcome = await reopen(storeId, conversationId, cap, uid);
    switch (outcome) {
      case 'not-found':
        return refuse('not-found', 'conversation-not-found', 'This conversation does not exist.');
      case 'archived':
        return refuse(
          'failed-precondition',
          'conversation-archived',
          'This conversation is in the history now and cannot be reopened.',
        );
      case 'full':
        return refuse(
          'resource-exhausted',
          'store-full',
          `All ${cap} chat slots are in use. End a conversation first, or raise the limit in Settings.`,
        );
      case 'reopened':
        log.conversationReopened(storeId, conversationId, uid);
        // Taking a slot may have filled the store.
        await refreshAvailability(storeId);
        return { status: 'ongoing' };
      case 'ongoing':
        return { status: 'ongoing' };
    }
  },
);
