import { describe, expect, it } from 'vitest';
import type { Message } from '@comptoir/core';
import {
  newConversation,
  previewOf,
  summaryAfterMessage,
  PREVIEW_MAX_LENGTH,
} from './conversation';

const at = (ms: number) => ({ toMillis: () => ms });
const message = (author: Message['author'], text: string, ms: number): Message => ({
  author,
  authorUid: 'u',
  text,
  createdAt: at(ms),
});

describe('conversation summary', () => {
  const start = newConversation('shopper-1', 7, 'fr', at(1000));

  it('a new conversation is ongoing, unread-free and named after its guest number', () => {
    expect(start).toMatchObject({
      status: 'ongoing',
      unreadByOperator: 0,
      shopper: { kind: 'guest', guestNumber: 7, displayName: 'Visitor 7' },
    });
  });

  it('a shopper message becomes the preview and counts as unread for operators', () => {
    const update = summaryAfterMessage(start, 'm1', message('shopper', 'Hello', 2000));
    expect(update).toMatchObject({
      lastMessage: { text: 'Hello', author: 'shopper' },
      lastMessageId: 'm1',
      unreadByOperator: 1,
    });
  });

  it('an operator reply updates the preview without adding unread', () => {
    const update = summaryAfterMessage(start, 'm2', message('operator', 'Hi!', 2000));
    expect(update).not.toHaveProperty('unreadByOperator');
    expect(update?.lastMessage?.author).toBe('operator');
  });

  it('the same message delivered twice is applied once', () => {
    const once = {
      ...start,
      ...summaryAfterMessage(start, 'm1', message('shopper', 'Hello', 2000)),
    };
    expect(summaryAfterMessage(once, 'm1', message('shopper', 'Hello', 2000))).toBeNull();
  });

  it('a late, older message counts as unread but does not replace a newer preview', () => {
    const newer = { ...start, lastMessageAt: at(5000), lastMessageId: 'm9' };
    const update = summaryAfterMessage(newer, 'm3', message('shopper', 'old', 3000));
    expect(update).toEqual({ unreadByOperator: 1 });
  });

  it('the first answer is remembered with its time; later ones keep it', () => {
    const first = summaryAfterMessage(start, 'm2', message('operator', 'Hi!', 2000));
    expect(first?.answeredAt?.toMillis()).toBe(2000);
    const answered = { ...start, ...first };
    const second = summaryAfterMessage(answered, 'm3', message('operator', 'Again', 3000));
    expect(second).not.toHaveProperty('answeredAt');
    const shopper = summaryAfterMessage(start, 'm1', message('shopper', 'Hello', 2000));
    expect(shopper).not.toHaveProperty('answeredAt');
  });

  it('a late, older operator message in an answered conversation changes nothing', () => {
    const newer = { ...start, lastMessageAt: at(5000), lastMessageId: 'm9', answeredAt: at(4000) };
    expect(summaryAfterMessage(newer, 'm4', message('operator', 'old', 3000))).toBeNull();
  });

  it('previews are one line and cut to fit the inbox list', () => {
    expect(previewOf({ text: 'a\n\nb   c', author: 'shopper' }).text).toBe('a b c');
    const long = previewOf({ text: 'x'.repeat(500), author: 'shopper' }).text;
    expect(long.length).toBe(PREVIEW_MAX_LENGTH);
    expect(long.endsWith('…')).toBe(true);
  });
});
