import { describe, expect, it } from 'vitest';
import {
  applyRefusal,
  describeApplyRefusal,
  describeDiscount,
  describeDiscountTerms,
  discountState,
  normalizeCode,
  shareRefusal,
  validateDiscount,
} from './discounts';
import type { Discount } from './types';

const at = (ms: number) => ({ toMillis: () => ms });
const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 15);

const discount = (overrides: Partial<Discount> = {}): Discount => ({
  code: 'SPRING15',
  kind: 'percentage',
  value: 15,
  currency: 'EUR',
  startsAt: null,
  endsAt: null,
  usageLimit: null,
  usageCount: 0,
  minimumSubtotal: null,
  active: true,
  createdAt: at(0),
  updatedAt: at(0),
  ...overrides,
});

const input = {
  code: ' spring15 ',
  kind: 'percentage',
  value: 15,
  currency: 'eur',
  startsAt: null,
  endsAt: null,
  usageLimit: null,
  minimumSubtotal: null,
  active: true,
};

describe('validateDiscount', () => {
  it('accepts a code, upper-casing it and the currency', () => {
    expect(validateDiscount(input)).toMatchObject({
      ok: true,
      value: { code: 'SPRING15', currency: 'EUR', value: 15 },
    });
    expect(normalizeCode(' welcome-10 ')).toBe('WELCOME-10');
  });

  it('free shipping has no value', () => {
    expect(validateDiscount({ ...input, kind: 'free-shipping', value: 99 })).toMatchObject({
      ok: true,
      value: { value: 0 },
    });
  });

  it.each([
    [{ code: 'ab' }, 'code', /3 to 32 letters/],
    [{ code: 'SPRING 15' }, 'code', /letters, digits, dashes/],
    [{ kind: 'bogo' }, 'kind', /kind of discount/],
    [{ value: 0 }, 'value', /1 to 100/],
    [{ value: 12.5 }, 'value', /whole percentage/],
    [{ kind: 'fixed-amount', value: 10.555 }, 'value', /two decimals/],
    [{ currency: 'euro' }, 'currency', /currency/],
    [{ startsAt: NOW, endsAt: NOW - DAY }, 'endsAt', /after the start/],
    [{ usageLimit: 0 }, 'usageLimit', /at least 1/],
    [{ minimumSubtotal: -5 }, 'minimumSubtotal', /above 0/],
    [{ active: 'yes' }, 'active', /active or not/],
  ])('%j is refused under %s', (change, field, message) => {
    const result = validateDiscount({ ...input, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fields[field]).toMatch(message);
  });

  it('a fixed amount accepts cents despite floating point', () => {
    expect(validateDiscount({ ...input, kind: 'fixed-amount', value: 19.99 }).ok).toBe(true);
  });
});

describe('the state of a code and sharing it', () => {
  it('reads off, scheduled, expired, used up or active', () => {
    expect(discountState(discount({ active: false }), NOW)).toBe('inactive');
    expect(discountState(discount({ startsAt: at(NOW + DAY) }), NOW)).toBe('scheduled');
    expect(discountState(discount({ endsAt: at(NOW - DAY) }), NOW)).toBe('expired');
    expect(discountState(discount({ usageLimit: 3, usageCount: 3 }), NOW)).toBe('used-up');
    expect(discountState(discount(), NOW)).toBe('active');
  });

  it('sharing a code that cannot be used now says what to fix', () => {
    expect(shareRefusal(discount({ active: false }), NOW)?.message).toBe(
      'SPRING15 is turned off. Turn it on in Discounts to share it.',
    );
    expect(shareRefusal(discount({ endsAt: at(Date.UTC(2025, 2, 31)) }), NOW)?.message).toBe(
      'SPRING15 ended on March 31, 2025. Move its end date in Discounts to share it again.',
    );
    expect(shareRefusal(discount({ startsAt: at(NOW + DAY) }), NOW)?.code).toBe(
      'discount-not-started',
    );
    expect(shareRefusal(discount({ usageLimit: 2, usageCount: 2 }), NOW)?.message).toMatch(
      /used 2 of 2 times\. Raise its usage limit/,
    );
    expect(shareRefusal(discount(), NOW)).toBeNull();
  });
});

describe('applying a code to a conversation’s cart', () => {
  const cart = { subtotal: 120, currency: 'EUR' };

  it('applies when every condition holds', () => {
    expect(applyRefusal(discount({ minimumSubtotal: 100 }), cart, false, NOW)).toBeNull();
    // Without a minimum, a percentage needs no cart at all.
    expect(applyRefusal(discount(), null, false, NOW)).toBeNull();
  });

  it.each([
    ['discount-inactive', discount({ active: false }), cart, false],
    ['discount-not-started', discount({ startsAt: at(NOW + DAY) }), cart, false],
    ['discount-expired', discount({ endsAt: at(NOW) }), cart, false],
    ['discount-used-up', discount({ usageLimit: 1, usageCount: 1 }), cart, false],
    ['already-applied', discount(), cart, true],
    [
      'currency-mismatch',
      discount({ kind: 'fixed-amount', value: 10, currency: 'USD' }),
      cart,
      false,
    ],
    ['minimum-not-reached', discount({ minimumSubtotal: 150 }), cart, false],
    ['minimum-not-reached', discount({ minimumSubtotal: 50 }), null, false],
  ] as const)('refuses with %s', (code, d, c, used) => {
    expect(applyRefusal(d, c, used, NOW)?.code).toBe(code);
  });

  it('tells the shopper why, with the figures, in their language', () => {
    const minimum = applyRefusal(discount({ minimumSubtotal: 150 }), cart, false, NOW)!;
    expect(describeApplyRefusal(minimum, 'en')).toBe(
      'This code needs a cart of at least €150.00: add €30.00 more to use it.',
    );
    expect(describeApplyRefusal(minimum, 'fr')).toMatch(/au moins 150,00\s€/);
    const expired = applyRefusal(discount({ endsAt: at(Date.UTC(2025, 5, 1)) }), cart, false, NOW)!;
    expect(describeApplyRefusal(expired, 'en')).toBe('This code expired on June 1, 2025.');
  });
});

describe('how a code reads', () => {
  it('describes each kind and its terms', () => {
    expect(describeDiscount(discount(), 'en')).toBe('15% off');
    expect(describeDiscount(discount({ kind: 'fixed-amount', value: 10 }), 'en')).toBe(
      '€10.00 off',
    );
    expect(describeDiscount(discount({ kind: 'free-shipping', value: 0 }), 'fr')).toBe(
      'Livraison offerte',
    );
    expect(
      describeDiscountTerms(
        discount({ minimumSubtotal: 50, endsAt: at(Date.UTC(2025, 5, 30, 12)) }),
        'en',
      ),
    ).toBe('On orders from €50.00 · Until June 30, 2025');
  });
});
