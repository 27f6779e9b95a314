import { describe, expect, it } from 'vitest';
import {
  ORDER_LIMITS,
  orderLookupAnswer,
  orderNumberKey,
  trackingLink,
  validateOrder,
  validateOrderBatch,
  validateOrderLookup,
} from './orders';

const NOW = Date.UTC(2025, 5, 10, 12);
const order = (fields: Record<string, unknown> = {}) => ({
  number: '#ML-1057',
  email: ' Ada@Example.com ',
  status: 'shipped',
  createdAt: NOW - 3 * 86_400_000,
  total: 389,
  currency: 'eur',
  carrier: 'DPD',
  trackingUrl: 'https://www.dpd.com/track?parcel=250117890043',
  ...fields,
});

describe('order numbers and emails are matched the way shoppers type them', () => {
  it('drops a leading #, spaces and case', () => {
    expect(orderNumberKey('#ml-1057')).toBe('ML-1057');
    expect(orderNumberKey('  ML 1057 ')).toBe('ML1057');
    expect(orderNumberKey('##1042')).toBe('1042');
    expect(orderNumberKey(1042)).toBe('1042');
  });

  it('refuses what cannot be a document id or an order number', () => {
    for (const bad of ['', '#', '   ', '../x', 'a/b', '.hidden', 'x'.repeat(41), 1.5, null]) {
      expect(orderNumberKey(bad)).toBeNull();
    }
  });

  it('the lookup normalises the email and the number, and names what is wrong', () => {
    expect(validateOrderLookup({ orderNumber: ' #ml-1057', email: ' ADA@example.COM ' })).toEqual({
      ok: true,
      value: { numberKey: 'ML-1057', email: 'ada@example.com' },
    });
    expect(validateOrderLookup({ orderNumber: '', email: 'ada@example.com' })).toMatchObject({
      ok: false,
      code: 'invalid-order-number',
    });
    expect(validateOrderLookup({ orderNumber: '1042', email: 'ada@' })).toMatchObject({
      ok: false,
      code: 'invalid-email',
    });
  });
});

describe('orders posted by the store’s server (validateOrder)', () => {
  it('keeps the number as shown, stores the key, lower-cases the email, upper-cases the currency', () => {
    const result = validateOrder(order(), NOW);
    expect(result).toEqual({
      ok: true,
      value: {
        number: '#ML-1057',
        numberKey: 'ML-1057',
        email: 'ada@example.com',
        status: 'shipped',
        createdAt: NOW - 3 * 86_400_000,
        updatedAt: NOW,
        total: 389,
        currency: 'EUR',
        items: null,
        carrier: 'DPD',
        trackingUrl: 'https://www.dpd.com/track?parcel=250117890043',
      },
    });
  });

  it('accepts ISO 8601 dates as well as Unix ms', () => {
    const result = validateOrder(
      order({ createdAt: '2025-06-07T09:30:00Z', updatedAt: '2025-06-08T10:00:00+02:00' }),
      NOW,
    );
    expect(result.ok && [result.value.createdAt, result.value.updatedAt]).toEqual([
      Date.UTC(2025, 5, 7, 9, 30),
      Date.UTC(2025, 5, 8, 8),
    ]);
  });

  it.each([
    [{ number: 'a/b' }, 'invalid-order-number', 'order.number'],
    [{ email: 'nobody' }, 'invalid-email', 'order.email'],
    [{ status: 'lost' }, 'invalid-order-status', 'order.status'],
    [{ createdAt: 1_700_000_000 }, 'invalid-created-at', 'order.createdAt'],
    [{ updatedAt: NOW - 10 * 86_400_000 }, 'invalid-updated-at', 'order.updatedAt'],
    [{ total: -1 }, 'invalid-total', 'order.total'],
    [{ currency: 'euros' }, 'invalid-currency', 'order.currency'],
    [{ items: [{ name: 'Lamp', quantity: 0 }] }, 'invalid-items', 'order.items[0].quantity'],
    [{ carrier: 'x'.repeat(61) }, 'invalid-carrier', 'order.carrier'],
    [{ trackingUrl: 'javascript:alert(1)' }, 'invalid-tracking-url', 'order.trackingUrl'],
  ])('%o is refused with %s, naming %s', (fields, code, field) => {
    const result = validateOrder(order(fields), NOW);
    expect(result).toMatchObject({ ok: false, code });
    expect(!result.ok && result.message).toContain(field);
  });

  it('a tracking link must be http(s), without credentials', () => {
    expect(trackingLink('https://t.example/1')).toBe('https://t.example/1');
    expect(trackingLink('http://t.example/1')).toBe('http://t.example/1');
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'ftp://t.example/1',
      'https://user:pass@t.example/',
      '/relative',
      `https://t.example/${'x'.repeat(ORDER_LIMITS.trackingUrl)}`,
    ]) {
      expect(trackingLink(bad)).toBeNull();
    }
  });
});

describe('a batch is all valid or refused whole (validateOrderBatch)', () => {
  it('takes { order } or { orders }, not both, not an empty list', () => {
    expect(validateOrderBatch({ order: order() }, NOW)).toMatchObject({ ok: true });
    expect(validateOrderBatch({ orders: [order(), order({ number: '1058' })] }, NOW)).toMatchObject(
      { ok: true, value: [{ numberKey: 'ML-1057' }, { numberKey: '1058' }] },
    );
    for (const body of [{}, { order: order(), orders: [] }, { orders: [] }, { orders: 'x' }]) {
      expect(validateOrderBatch(body, NOW)).toMatchObject({ ok: false, code: 'invalid-orders' });
    }
    const tooMany = Array.from({ length: ORDER_LIMITS.batch + 1 }, (_, i) =>
      order({ number: i + 1 }),
    );
    expect(validateOrderBatch({ orders: tooMany }, NOW)).toMatchObject({ code: 'invalid-orders' });
  });

  it('names the order at fault in a batch, and refuses the same order twice', () => {
    const bad = validateOrderBatch({ orders: [order(), order({ number: '2', status: 'x' })] }, NOW);
    expect(bad).toMatchObject({ ok: false, code: 'invalid-order-status' });
    expect(!bad.ok && bad.message).toContain('orders[1].status');
    const twice = validateOrderBatch({ orders: [order(), order({ number: 'ml-1057' })] }, NOW);
    expect(twice).toMatchObject({ ok: false, code: 'duplicate-order' });
  });
});

describe('what the shopper is told (orderLookupAnswer)', () => {
  const stored = {
    number: '#ML-1057',
    status: 'shipped' as const,
    updatedAtMs: NOW,
    carrier: 'DPD',
    trackingUrl: 'https://t.example/1',
  };

  it('a shipped order answers its tracking link and carrier, in the shopper’s language', () => {
    expect(orderLookupAnswer(stored, 'fr')).toEqual({
      number: '#ML-1057',
      status: 'shipped',
      statusLabel: 'Expédiée',
      updatedAt: NOW,
      trackingUrl: 'https://t.example/1',
      carrier: 'DPD',
    });
  });

  it('an order not shipped yet answers no link, even if the store sent one', () => {
    const answer = orderLookupAnswer({ ...stored, status: 'processing' }, 'en');
    expect(answer).toEqual({
      number: '#ML-1057',
      status: 'processing',
      statusLabel: 'Being prepared',
      updatedAt: NOW,
    });
  });
});
