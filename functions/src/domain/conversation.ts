/**
 * Pure rules about conversations: what a new one looks like and how a message changes
 * its summary. No I/O here, so these are unit-tested without the emulator.
 */
import {
  guestDisplayName,
  type Conversation,
  type ShopperRecord,
  type Message,
  type MessagePreview,
  type TimestampLike,
} from '@comptoir/core';

export const PREVIEW_MAX_LENGTH = 140;

/** The document a shopper's first message creates. */
export function newConversation(
  shopperUid: string,
  guestNumber: number,
  language: string,
  now: TimestampLike,
  customer: ShopperRecord['customer'] = null,
): Conversation {
  return {
    shopperUid,
    // A verified customer is shown by name; everyone else by a friendly visitor number.
    shopper: customer
      ? { kind: 'customer', guestNumber, ...customer }
      : { kind: 'guest', guestNumber, displayName: guestDisplayName(guestNumber) },
    status: 'ongoing',
    language,
    createdAt: now,
    lastMessageAt: now,
    lastMessage: null,
    lastMessageId: null,
    unreadByOperator: 0,
    answeredAt: null,
    operatorReadAt: null,
    // The first heartbeat: the shopper is on the store as they start the chat.
    shopperSeenAt: now,
    endedAt: null,
    endedReason: null,
    slot: null,
    shopperTypingAt: null,
    operatorTypingAt: null,
    operatorTypingName: null,
    shopperReadAt: null,
    shopperLeftAt: null,
  };
}

/** One line of the message, short enough for the inbox list. */
export function previewOf(message: Pick<Message, 'text' | 'author'>): MessagePreview {
  const oneLine = message.text.replace(/\s+/g, ' ').trim();
  const text =
    oneLine.length > PREVIEW_MAX_LENGTH ? oneLine.slice(0, PREVIEW_MAX_LENGTH - 1) + '…' : oneLine;
  return { text, author: message.author };
}

export type SummaryUpdate = Partial<
  Pick<
    Conversation,
    'lastMessage' | 'lastMessageAt' | 'lastMessageId' | 'unreadByOperator' | 'answeredAt'
  >
>;

/**
 * How a newly created message changes its conversation's summary, or null when nothing
 * changes: the event was already applied (triggers are delivered at least once), or an
 * operator's message arrived after a newer line (e.g. a cart line written meanwhile).
 * An older shopper message arriving late still counts as unread but does not replace the
 * preview.
 */
export function summaryAfterMessage(
  conversation: Pick<
    Conversation,
    'lastMessageAt' | 'lastMessageId' | 'unreadByOperator' | 'answeredAt'
  >,
  messageId: string,
  message: Message,
): SummaryUpdate | null {
  if (conversation.lastMessageId === messageId) return null;
  const update: SummaryUpdate = {};
  if (message.createdAt.toMillis() >= conversation.lastMessageAt.toMillis()) {
    update.lastMessage = previewOf(message);
    update.lastMessageAt = message.createdAt;
    update.lastMessageId = messageId;
  }
  if (message.author === 'shopper') update.unreadByOperator = conversation.unreadByOperator + 1;
  if (message.author === 'operator' && conversation.answeredAt == null) {
    update.answeredAt = message.createdAt;
  }
  // NOTE: Firestore refuses an empty update, which would fail the trigger on every retry.
  return Object.keys(update).length > 0 ? update : null;
}
