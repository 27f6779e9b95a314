import { describe, expect, it } from 'vitest';
import {
  CONTEXT_MESSAGES,
  contextOf,
  recentOrders,
  replyEmail,
  type EmailedMessage,
  type ReplyEmailInput,
} from './replyEmail';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 10, 22, 12);

const shopperSaid = (text: string, minutesAgo: number): EmailedMessage => ({
  author: 'shopper',
  text,
  createdAtMs: NOW - minutesAgo * 60_000,
});

function input(overrides: Partial<ReplyEmailInput> = {}): ReplyEmailInput {
  return {
    store: { name: 'Maison Lumière', senderName: 'Maison Lumière', senderEmail: 'chat@ml.test' },
    to: { email: 'lea@example.com', name: 'Léa' },
    replies: [
      { author: 'operator', authorName: 'Camille', text: 'It ships tomorrow.', createdAtMs: NOW },
    ],
    earlier: [shopperSaid('When does the Opaline lamp ship?', 10)],
    orders: [],
    replyAddress: `reply+${'a'.repeat(43)}@reply.comptoir.test`,
    resumeUrl: 'https://shop.test/?comptoir_resume=xyz',
    nowMs: NOW,
    ...overrides,
  };
}

describe('the reply email', () => {
  it('carries the shop name, the new replies, the question they answer, and a way back', () => {
    const mail = replyEmail(input());
    expect(mail.subject).toBe('Maison Lumière answered your message');
    expect(mail.to).toEqual({ email: 'lea@example.com', name: 'Léa' });
    expect(mail.replyTo).toEqual({
      email: `reply+${'a'.repeat(43)}@reply.comptoir.test`,
      name: 'Maison Lumière',
    });
    expect(mail.text).toContain('Camille from Maison Lumière answered you:');
    expect(mail.text).toContain('It ships tomorrow.');
    expect(mail.text).toContain('You: When does the Opaline lamp ship?');
    expect(mail.text).toContain('https://shop.test/?comptoir_resume=xyz');
  });

  it('repeats at most the 10 messages before the replies', () => {
    const earlier = Array.from({ length: 15 }, (_, i) => shopperSaid(`Message ${i + 1}`, 60 - i));
    expect(contextOf(earlier).map((m) => m.text)).toEqual(
      Array.from({ length: CONTEXT_MESSAGES }, (_, i) => `Message ${i + 6}`),
    );
    const text = replyEmail(input({ earlier })).text as string;
    expect(text).toContain('Message 6\n');
    expect(text).not.toContain('Message 5\n');
  });

  it('lists only the orders of the last 14 days, newest first', () => {
    const orders = [
      { number: 'A-1', status: 'Delivered', createdAtMs: NOW - 20 * DAY },
      {
        number: 'A-2',
        status: 'Shipped',
        createdAtMs: NOW - 13 * DAY,
        trackingUrl: 'https://t.test/2',
      },
      { number: 'A-3', status: 'Paid', createdAtMs: NOW - 1 * DAY, total: 129, currency: 'EUR' },
    ];
    expect(recentOrders(orders, NOW).map((o) => o.number)).toEqual(['A-3', 'A-2']);
    const text = replyEmail(input({ orders })).text as string;
    expect(text).toContain('- A-3: Paid, €129.00');
    expect(text).toContain('- A-2: Shipped (tracking: https://t.test/2)');
    expect(text).not.toContain('A-1');
    expect(replyEmail(input()).text).not.toContain('recent orders');
  });

  it('escapes whatever anyone wrote in the HTML version', () => {
    const mail = replyEmail(input({ earlier: [shopperSaid('<img src=x onerror=alert(1)>', 5)] }));
    expect(mail.html).not.toContain('<img src=x');
    expect(mail.html).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });
});
