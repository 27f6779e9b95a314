/**
 * What one cart report does to a conversation: ignored (a repeated or older event, or no
 * change), a new system line, or — within the coalescing window and with nothing said
 * since — a rewrite of the line the current burst started, so that clicking "+" five times
 * reads "Added 5 × Opaline table lamp" and not five lines. Pure: the data layer applies it.
 */
import {
  CART_COALESCE_SECONDS,
  cartChanges,
  describeSystemEvent,
  itemCount,
  type Cart,
  type CartSummary,
  type Conversation,
  type SystemEvent,
  type TimestampLike,
} from '@comptoir/core';

/** How many event ids the summary remembers to recognise a repeat. */
export const RECENT_EVENT_IDS = 20;

export interface CartReport {
  eventId: string;
  /** The store's clock (ms) when the cart was in this state. */
  occurredAt: number;
  cart: Cart;
}

export type LineWrite =
  | { op: 'create'; messageId: string; event: SystemEvent; text: string }
  | { op: 'update'; messageId: string; event: SystemEvent; text: string }
  /** The burst cancelled out (added then removed): its line goes, the preview comes back. */
  | { op: 'delete'; messageId: string; previous: NonNullable<CartSummary['burst']>['previous'] };

export type CartPlan =
  | { action: 'ignore'; reason: 'duplicate' | 'stale' | 'unchanged' }
  | { action: 'record'; summary: CartSummary; line: LineWrite | null };

type ConversationState = Pick<
  Conversation,
  'cart' | 'lastMessage' | 'lastMessageAt' | 'lastMessageId'
>;

export function planCartEvent(
  conversation: ConversationState,
  report: CartReport,
  now: TimestampLike,
  newMessageId: string,
): CartPlan {
  const current = conversation.cart ?? null;
  if (current?.recentEventIds.includes(report.eventId)) {
    return { action: 'ignore', reason: 'duplicate' };
  }
  if (current && report.occurredAt < current.occurredAt) {
    return { action: 'ignore', reason: 'stale' };
  }
  const { cart } = report;
  const summary = (burst: CartSummary['burst']): CartSummary => ({
    ...cart,
    itemCount: itemCount(cart.items),
    updatedAt: now,
    occurredAt: report.occurredAt,
    recentEventIds: [...(current?.recentEventIds ?? []), report.eventId].slice(-RECENT_EVENT_IDS),
    burst,
  });
  const line = (op: 'create' | 'update', messageId: string, event: SystemEvent): LineWrite => ({
    op,
    messageId,
    event,
    text: describeSystemEvent(event, 'en'),
  });

  // The first report of a conversation: the cart as it is, in one line (or silently, if
  // empty, so that the next report reads as "Added …").
  if (!current) {
    if (cart.items.length === 0) return { action: 'record', summary: summary(null), line: null };
    const event: SystemEvent = {
      kind: 'cart-snapshot',
      itemCount: itemCount(cart.items),
      subtotal: cart.subtotal,
      currency: cart.currency,
    };
    return { action: 'record', summary: summary(null), line: line('create', newMessageId, event) };
  }

  const burst = current.burst;
  const inBurst =
    burst !== null &&
    now.toMillis() - current.updatedAt.toMillis() < CART_COALESCE_SECONDS * 1000 &&
    conversation.lastMessageId === burst.messageId;
  if (inBurst) {
    const net = cartChanges(burst.before, cart.items);
    if (net.length === 0) {
      return {
        action: 'record',
        summary: summary(null),
        line: { op: 'delete', messageId: burst.messageId, previous: burst.previous },
      };
    }
    return {
      action: 'record',
      summary: summary(burst),
      line: line('update', burst.messageId, { kind: 'cart', changes: net }),
    };
  }

  const changes = cartChanges(current.items, cart.items);
  if (changes.length === 0) {
    if (cart.subtotal === current.subtotal && cart.currency === current.currency) {
      return { action: 'ignore', reason: 'unchanged' };
    }
    // Same lines, new prices (a store-side promotion): keep the header true, say nothing.
    return { action: 'record', summary: summary(null), line: null };
  }
  return {
    action: 'record',
    summary: summary({
      messageId: newMessageId,
      before: current.items,
      previous: {
        lastMessage: conversation.lastMessage,
        lastMessageAt: conversation.lastMessageAt,
        lastMessageId: conversation.lastMessageId,
      },
    }),
    line: line('create', newMessageId, { kind: 'cart', changes }),
  };
}
