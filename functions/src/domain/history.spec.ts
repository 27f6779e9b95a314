import { describe, expect, it } from 'vitest';
import { historySearchKey, type Conversation, type CustomerShopper } from '@comptoir/core';
import { newConversation } from './conversation';
import {
  customerHistoryRowId,
  historyRowIdOf,
  lastShopperMessageOf,
  rowWithConversation,
  type ArchiveEntry,
} from './history';

const at = (ms: number) => ({ toMillis: () => ms });

function customer(overrides: Partial<CustomerShopper> = {}) {
  return {
    customerId: 'cust-1001',
    displayName: 'Ada Lovelace',
    email: 'ada@example.com',
    phone: '+44 20 7946 0958',
    ...overrides,
  };
}

function entry(
  id: string,
  startedMs: number,
  options: {
    customer?: ReturnType<typeof customer>;
    texts?: string[];
    lastShopper?: { text: string; ms: number } | null;
  } = {},
): ArchiveEntry {
  const conversation: Conversation = {
    ...newConversation('uid-' + id, startedMs, 'en', at(startedMs), options.customer ?? null),
    status: 'finished',
    lastMessageAt: at(startedMs + 500),
    lastMessage: { text: 'Bye', author: 'operator' },
    endedAt: at(startedMs + 600),
  };
  const last = options.lastShopper ?? null;
  return {
    conversationId: id,
    conversation,
    messageTexts: options.texts ?? [],
    lastShopperMessage: last ? { text: last.text, at: at(last.ms) } : null,
  };
}

const find = (keywords: string[], query: string) => keywords.includes(historySearchKey(query)!);

describe('history rows', () => {
  it('a guest conversation is a row of its own, found by its visitor name and words', () => {
    const e = entry('conv1', 1000, {
      texts: ['Is the brass lamp in stock?'],
      lastShopper: { text: 'Is the brass lamp in stock?', ms: 1200 },
    });
    expect(historyRowIdOf('conv1', e.conversation)).toBe('guest-conv1');
    const row = rowWithConversation(undefined, e, at(9000));
    expect(row).toMatchObject({
      kind: 'guest',
      displayName: 'Visitor 1000',
      guestNumber: 1000,
      customerId: null,
      email: null,
      phone: null,
      conversationIds: ['conv1'],
      lastShopperMessage: { text: 'Is the brass lamp in stock?' },
      sortName: 'visitor 0000001000',
    });
    expect(row.lastMessageAt.toMillis()).toBe(1500);
    expect(find(row.keywords, 'Visitor 1000')).toBe(true);
    expect(find(row.keywords, 'lamp')).toBe(true);
  });

  it("a customer's conversations share one row keyed by a hash of their id, oldest first", () => {
    const older = entry('old', 1000, {
      customer: customer(),
      lastShopper: { text: 'First', ms: 1100 },
    });
    const newer = entry('new', 5000, {
      customer: customer({ email: 'ada@new.example' }),
      texts: ['Where is my order?'],
      lastShopper: { text: 'Where is my order?', ms: 5100 },
    });
    const rowId = historyRowIdOf('old', older.conversation);
    expect(rowId).toBe(customerHistoryRowId('cust-1001'));
    expect(rowId).toMatch(/^customer-[0-9a-f]{64}$/);
    expect(historyRowIdOf('new', newer.conversation)).toBe(rowId);

    // Archived newest first (e.g. after an interruption): the order is still by start.
    const first = rowWithConversation(undefined, newer, at(9000));
    const both = rowWithConversation(first, older, at(9500));
    expect(both.conversationIds).toEqual(['old', 'new']);
    expect(both.conversations.map((c) => c.conversationId)).toEqual(['old', 'new']);
    // The newest conversation's identity and the newest shopper message win.
    expect(both).toMatchObject({
      kind: 'customer',
      customerId: 'cust-1001',
      email: 'ada@new.example',
      guestNumber: null,
      lastShopperMessage: { text: 'Where is my order?' },
    });
    expect(both.lastMessageAt.toMillis()).toBe(5500);
    // Found under the old email too, and by the newest conversation's words.
    expect(find(both.keywords, 'ada@example.com')).toBe(true);
    expect(find(both.keywords, 'ada@new.example')).toBe(true);
    expect(find(both.keywords, 'order')).toBe(true);
  });

  it('a conversation archived again is listed once, with its newest summary and words', () => {
    const first = entry('conv1', 1000, { customer: customer(), texts: ['lamp'] });
    const other = entry('conv2', 3000, { customer: customer() });
    const row = rowWithConversation(
      rowWithConversation(undefined, first, at(9000)),
      other,
      at(9100),
    );
    const again = entry('conv1', 1000, { customer: customer(), texts: ['lamp', 'refund'] });
    const twice = rowWithConversation(row, again, at(9999));
    expect(twice.conversationIds).toEqual(['conv1', 'conv2']);
    expect(twice.conversations).toHaveLength(2);
    expect(twice.conversations[0]!.archivedAt.toMillis()).toBe(9999);
    expect(find(twice.keywords, 'refund')).toBe(true);
    expect(twice.keywords.filter((k) => k === 'lamp')).toHaveLength(1);
  });

  it("the customer's last message is the shopper's newest, never the store's reply", () => {
    expect(
      lastShopperMessageOf([
        { author: 'operator', text: 'You are welcome', createdAt: at(3) },
        { author: 'shopper', text: '  Thanks\n a lot ', createdAt: at(2) },
        { author: 'shopper', text: 'Hello', createdAt: at(1) },
      ]),
    ).toMatchObject({ text: 'Thanks a lot' });
    expect(lastShopperMessageOf([{ author: 'operator', text: 'Hi', createdAt: at(1) }])).toBeNull();
  });
});
