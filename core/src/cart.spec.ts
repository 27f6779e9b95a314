import { describe, expect, it } from 'vitest';
import {
  cartChanges,
  describeCartChange,
  isCartActive,
  shownName,
  validateCart,
  validateCartEventId,
} from './cart';
import { describeSystemEvent } from './systemEvents';
import type { CartItem, CartSummary } from './types';

const item = (id: string, name: string, quantity: number, variant: string | null = null) =>
  ({ id, name, variant, quantity, unitPrice: 10 }) satisfies CartItem;

describe('validateCart', () => {
  it('accepts a store’s cart, trimming text, upper-casing the currency and taking numeric ids', () => {
    const result = validateCart({
      items: [{ id: 42, name: ' Opaline lamp ', variant: 'Sage', quantity: 2, unitPrice: 149 }],
      subtotal: 298,
      currency: 'eur',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        items: [{ id: '42', name: 'Opaline lamp', variant: 'Sage', quantity: 2, unitPrice: 149 }],
        subtotal: 298,
        currency: 'EUR',
      },
    });
  });

  it('an empty cart is a valid cart', () => {
    expect(validateCart({ items: [], subtotal: 0, currency: 'USD' }).ok).toBe(true);
  });

  it.each([
    [null, /must be an object/],
    [{ subtotal: 1, currency: 'EUR' }, /cart\.items must be an array/],
    [{ items: [], subtotal: 1, currency: 'euro' }, /three-letter ISO 4217/],
    [{ items: [], subtotal: -1, currency: 'EUR' }, /cart\.subtotal must be a number/],
    [{ items: [], subtotal: '12', currency: 'EUR' }, /cart\.subtotal/],
    [
      { items: [{ name: 'Lamp', quantity: 1, unitPrice: 1 }], subtotal: 1, currency: 'EUR' },
      /cart\.items\[0\]\.id/,
    ],
    [
      { items: [{ id: 'a', name: '', quantity: 1, unitPrice: 1 }], subtotal: 1, currency: 'EUR' },
      /cart\.items\[0\]\.name/,
    ],
    [
      { items: [{ id: 'a', name: 'L', quantity: 0, unitPrice: 1 }], subtotal: 1, currency: 'EUR' },
      /quantity must be a whole number from 1/,
    ],
    [
      {
        items: [{ id: 'a', name: 'L', quantity: 1.5, unitPrice: 1 }],
        subtotal: 1,
        currency: 'EUR',
      },
      /quantity/,
    ],
    [
      {
        items: [{ id: 'a', name: 'L', quantity: 1, unitPrice: NaN }],
        subtotal: 1,
        currency: 'EUR',
      },
      /unitPrice/,
    ],
    [
      {
        items: [item('a', 'Lamp', 1), item('a', 'Lamp', 2)],
        subtotal: 1,
        currency: 'EUR',
      },
      /appears twice/,
    ],
  ])('refuses %j with a message naming the field', (input, message) => {
    const result = validateCart(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe('invalid-cart');
      expect(result.message).toMatch(message);
    }
  });

  it('refuses more than 100 lines', () => {
    const items = Array.from({ length: 101 }, (_, i) => item(`p${i}`, 'Lamp', 1));
    const result = validateCart({ items, subtotal: 1, currency: 'EUR' });
    expect(result.ok || result.message).toMatch(/at most 100 lines/);
  });

  it('event ids are short and plain', () => {
    expect(validateCartEventId('evt_2024-05-01:17').ok).toBe(true);
    expect(validateCartEventId('has space').ok).toBe(false);
    expect(validateCartEventId('x'.repeat(101)).ok).toBe(false);
    expect(validateCartEventId(12).ok).toBe(false);
  });
});

describe('the 41-character rule', () => {
  it('shows a name of 40 characters and hides one of 41, counting characters not bytes', () => {
    expect(shownName('a'.repeat(40))).toBe('a'.repeat(40));
    expect(shownName('a'.repeat(41))).toBeNull();
    expect(shownName('é'.repeat(40))).toBe('é'.repeat(40));
  });

  it('a line for a long name says "an item", and drops the variant with the name', () => {
    const long = 'Grand Arc floor lamp in brushed brass with a marble base';
    const [change] = cartChanges([], [item('arc', long, 1, 'Brass')]);
    expect(change).toEqual({ delta: 1, name: null, variant: null });
    expect(describeCartChange(change!, 'en')).toBe('Added an item to the cart');
    expect(describeCartChange({ delta: -3, name: null, variant: null }, 'en')).toBe(
      'Removed 3 items from the cart',
    );
  });
});

describe('cart changes and their wording', () => {
  it('reports added, increased, decreased and removed lines', () => {
    const before = [item('a', 'Opaline lamp', 1, 'Sage'), item('b', 'Indigo lamp', 2)];
    const after = [item('a', 'Opaline lamp', 3, 'Sage'), item('c', 'Linen shade', 1)];
    const changes = cartChanges(before, after);
    expect(changes.map((c) => describeCartChange(c, 'en'))).toEqual([
      'Added 2 × Opaline lamp (Sage)',
      'Added Linen shade',
      'Removed 2 × Indigo lamp',
    ]);
    expect(changes.map((c) => describeCartChange(c, 'fr'))).toEqual([
      'Ajout : 2 × Opaline lamp (Sage)',
      'Ajout : Linen shade',
      'Retrait : 2 × Indigo lamp',
    ]);
  });

  it('no change gives no lines', () => {
    expect(cartChanges([item('a', 'Lamp', 2)], [item('a', 'Lamp', 2)])).toEqual([]);
  });

  it('a long event lists six lines, then how many more', () => {
    const after = Array.from({ length: 8 }, (_, i) => item(`p${i}`, `Lamp ${i}`, 1));
    const text = describeSystemEvent({ kind: 'cart', changes: cartChanges([], after) }, 'en');
    expect(text.split('\n')).toHaveLength(7);
    expect(text).toMatch(/…and 2 more changes$/);
  });

  it('a snapshot reads as the cart’s size and subtotal', () => {
    expect(
      describeSystemEvent(
        { kind: 'cart-snapshot', itemCount: 3, subtotal: 248, currency: 'EUR' },
        'en',
      ),
    ).toBe('Cart: 3 items · €248.00');
  });
});

describe('isCartActive', () => {
  const at = (ms: number) => ({ toMillis: () => ms });
  const summary = (items: CartItem[], updatedMs: number) =>
    ({ items, updatedAt: at(updatedMs) }) as unknown as CartSummary;
  const HOUR = 3600_000;
  it('is active with items touched within a day; not when empty or stale', () => {
    expect(isCartActive(summary([item('a', 'Lamp', 1)], 0), 23 * HOUR)).toBe(true);
    expect(isCartActive(summary([item('a', 'Lamp', 1)], 0), 25 * HOUR)).toBe(false);
    expect(isCartActive(summary([], 0), HOUR)).toBe(false);
    expect(isCartActive(null, 0)).toBe(false);
  });
});
