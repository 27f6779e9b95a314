/**
 * Pure rules of the history: which row a conversation joins and what the row looks like
 * once it has. No I/O, so the merging is unit-tested without the emulator.
 */
import { createHash } from 'node:crypto';
import {
  guestHistoryRowId,
  historySortName,
  identityKeywords,
  mergeKeywords,
  messageKeywords,
  type Conversation,
  type HistoryConversation,
  type HistoryRow,
  type TimestampLike,
} from '@comptoir/core';
import { previewOf } from './conversation';

/**
 * A customer's one row. Hashed because a customer id is whatever the store uses (up to
 * 128 characters, slashes included) and a document id must not contain a slash.
 */
export const customerHistoryRowId = (customerId: string) =>
  `customer-${createHash('sha256').update(customerId).digest('hex')}`;

/** The row a conversation belongs to: its customer's, or its own for a guest. */
export function historyRowIdOf(
  conversationId: string,
  conversation: Pick<Conversation, 'shopper'>,
) {
  return conversation.shopper.kind === 'customer'
    ? customerHistoryRowId(conversation.shopper.customerId)
    : guestHistoryRowId(conversationId);
}

/** What the archive read about one finished conversation, before its transaction. */
export interface ArchiveEntry {
  conversationId: string;
  conversation: Conversation;
  /** Texts of its messages (the newest few hundred), for search words. */
  messageTexts: string[];
  /** The shopper's own newest message. */
  lastShopperMessage: { text: string; at: TimestampLike } | null;
}

/** The shopper's newest message among messages read newest first, as a one-line preview. */
export function lastShopperMessageOf(
  newestFirst: readonly { author: string; text: string; createdAt: TimestampLike }[],
): ArchiveEntry['lastShopperMessage'] {
  const last = newestFirst.find((m) => m.author === 'shopper');
  return last
    ? { text: previewOf({ text: last.text, author: 'shopper' }).text, at: last.createdAt }
    : null;
}

const millis = (at: TimestampLike | null | undefined) => at?.toMillis() ?? 0;

function summaryOf(entry: ArchiveEntry, archivedAt: TimestampLike): HistoryConversation {
  const c = entry.conversation;
  return {
    conversationId: entry.conversationId,
    displayName: c.shopper.displayName,
    guestNumber: c.shopper.guestNumber,
    language: c.language,
    startedAt: c.createdAt,
    endedAt: c.endedAt ?? null,
    lastMessageAt: c.lastMessageAt ?? c.createdAt,
    lastMessage: c.lastMessage ?? null,
    archivedAt,
  };
}

/**
 * The row after `entry` joins it. A conversation is listed once, however often it is
 * archived (a re-run after an interruption, or a conversation reopened and finished
 * again). Conversations stay in the order they started, whatever order they are archived
 * in; a customer's name, email and phone follow their newest conversation.
 */
export function rowWithConversation(
  existing: HistoryRow | undefined,
  entry: ArchiveEntry,
  archivedAt: TimestampLike,
): HistoryRow {
  const summary = summaryOf(entry, archivedAt);
  // Already in the row (archived again after a reopening): refreshed, never listed twice.
  const others = (existing?.conversations ?? []).filter(
    (c) => c.conversationId !== entry.conversationId,
  );
  const conversations = [...others, summary].sort(
    (a, b) =>
      millis(a.startedAt) - millis(b.startedAt) || a.conversationId.localeCompare(b.conversationId),
  );
  const isNewest = conversations.at(-1) === summary;

  const shopper = entry.conversation.shopper;
  const own =
    shopper.kind === 'customer'
      ? {
          displayName: shopper.displayName,
          customerId: shopper.customerId,
          guestNumber: null,
          email: shopper.email ?? null,
          phone: shopper.phone ?? null,
        }
      : {
          displayName: shopper.displayName,
          customerId: null,
          guestNumber: shopper.guestNumber,
          email: null,
          phone: null,
        };
  const identity =
    existing && !isNewest
      ? {
          displayName: existing.displayName,
          customerId: existing.customerId,
          guestNumber: existing.guestNumber,
          email: existing.email,
          phone: existing.phone,
        }
      : own;

  const previous = existing?.lastShopperMessage ?? null;
  const lastShopperMessage =
    previous && millis(previous.at) >= millis(entry.lastShopperMessage?.at)
      ? previous
      : (entry.lastShopperMessage ?? previous);
  const lastMessageAt =
    existing && millis(existing.lastMessageAt) >= millis(summary.lastMessageAt)
      ? existing.lastMessageAt
      : summary.lastMessageAt;

  return {
    kind: shopper.kind,
    ...identity,
    conversationIds: conversations.map((c) => c.conversationId),
    conversations,
    lastMessageAt,
    lastShopperMessage,
    sortName: historySortName(identity.displayName),
    keywords: mergeKeywords(
      // Both: a customer who changed their name or email is found under either.
      [...identityKeywords(identity), ...identityKeywords(own)],
      messageKeywords(entry.messageTexts),
      existing?.keywords ?? [],
    ),
    archivedAt,
  };
}
