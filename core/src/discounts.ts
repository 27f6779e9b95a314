/**
 * Discount codes: what the merchant may save, when one may be shared, when it applies to a
 * conversation's cart, and how it reads. Pure and shared: the Discounts page and the
 * functions run the same checks, the widget words the same refusals in its language.
 */
import { formatMoney } from './cart';
import { commerceText, type CommerceStringKey } from './commerceText';
import type { FormResult } from './forms';
import type {
  Cart,
  Discount,
  DiscountInput,
  DiscountKind,
  SharedDiscount,
  TimestampLike,
} from './types';

export const DISCOUNT_KINDS: readonly DiscountKind[] = [
  'percentage',
  'fixed-amount',
  'free-shipping',
];

export const DISCOUNT_LIMITS = {
  code: { min: 3, max: 32 },
  amount: 1_000_000,
  usageLimit: 1_000_000,
} as const;

const CODE = /^[A-Z0-9_-]+$/;

/** Codes are matched without regard to case or surrounding spaces: "spring15 " is SPRING15. */
export const normalizeCode = (input: unknown) =>
  typeof input === 'string' ? input.trim().toUpperCase() : '';

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** At most two decimals (floating point aside: 19.99 * 100 is not exactly 1999). */
const cents = (v: number) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6;

/** The Discounts page's form, as saveDiscount receives it: one message per field. */
export function validateDiscount(input: unknown): FormResult<DiscountInput> {
  const source = (typeof input === 'object' && input ? input : {}) as Record<string, unknown>;
  const fields: Record<string, string> = {};
  const code = normalizeCode(source.code);
  const { min, max } = DISCOUNT_LIMITS.code;
  if (code.length < min || code.length > max || !CODE.test(code)) {
    fields.code = `Use ${min} to ${max} letters, digits, dashes or underscores, like SPRING15.`;
  }
  const kind = source.kind as DiscountKind;
  if (!DISCOUNT_KINDS.includes(kind)) fields.kind = 'Choose a kind of discount.';
  let value = isNumber(source.value) ? source.value : NaN;
  if (kind === 'percentage' && !(value >= 1 && value <= 100 && Number.isInteger(value))) {
    fields.value = 'Enter a whole percentage from 1 to 100.';
  } else if (
    kind === 'fixed-amount' &&
    !(value > 0 && value <= DISCOUNT_LIMITS.amount && cents(value))
  ) {
    fields.value = 'Enter an amount above 0, with at most two decimals.';
  } else if (kind === 'free-shipping') {
    value = 0;
  }
  const currency = typeof source.currency === 'string' ? source.currency.trim().toUpperCase() : '';
  if (!/^[A-Z]{3}$/.test(currency)) fields.currency = 'Choose a currency.';

  const time = (v: unknown) => (v === null || v === undefined || v === '' ? null : v);
  const startsAt = time(source.startsAt);
  const endsAt = time(source.endsAt);
  if (startsAt !== null && !isNumber(startsAt)) fields.startsAt = 'Enter a valid start date.';
  if (endsAt !== null && !isNumber(endsAt)) fields.endsAt = 'Enter a valid end date.';
  if (isNumber(startsAt) && isNumber(endsAt) && endsAt <= startsAt) {
    fields.endsAt = 'The end must come after the start.';
  }
  const usageLimit = time(source.usageLimit);
  if (
    usageLimit !== null &&
    !(isNumber(usageLimit) && Number.isInteger(usageLimit) && usageLimit >= 1)
  ) {
    fields.usageLimit = 'Enter a whole number of at least 1, or leave empty for no limit.';
  } else if (isNumber(usageLimit) && usageLimit > DISCOUNT_LIMITS.usageLimit) {
    fields.usageLimit = `At most ${DISCOUNT_LIMITS.usageLimit.toLocaleString('en')}.`;
  }
  const minimumSubtotal = time(source.minimumSubtotal);
  if (
    minimumSubtotal !== null &&
    !(
      isNumber(minimumSubtotal) &&
      minimumSubtotal > 0 &&
      minimumSubtotal <= DISCOUNT_LIMITS.amount &&
      cents(minimumSubtotal)
    )
  ) {
    fields.minimumSubtotal = 'Enter an amount above 0, or leave empty for no minimum.';
  }
  if (typeof source.active !== 'boolean') fields.active = 'Choose active or not.';

  const count = Object.keys(fields).length;
  if (count > 0) {
    return {
      ok: false,
      code: 'invalid-fields',
      message: count === 1 ? Object.values(fields)[0]! : `${count} fields need attention.`,
      fields,
    };
  }
  return {
    ok: true,
    value: {
      code,
      kind,
      value,
      currency,
      startsAt: startsAt as number | null,
      endsAt: endsAt as number | null,
      usageLimit: usageLimit as number | null,
      minimumSubtotal: minimumSubtotal as number | null,
      active: source.active as boolean,
    },
  };
}

type Window = Pick<Discount, 'active' | 'usageLimit' | 'usageCount'> & {
  startsAt: TimestampLike | null;
  endsAt: TimestampLike | null;
};

export type DiscountState = 'active' | 'inactive' | 'scheduled' | 'expired' | 'used-up';

/** Where a code stands at `nowMs`: what the Discounts page shows next to it. */
export function discountState(d: Window, nowMs: number): DiscountState {
  if (!d.active) return 'inactive';
  if (d.endsAt && d.endsAt.toMillis() <= nowMs) return 'expired';
  if (d.startsAt && d.startsAt.toMillis() > nowMs) return 'scheduled';
  if (d.usageLimit !== null && d.usageCount >= d.usageLimit) return 'used-up';
  return 'active';
}

const longDate = (ms: number, lang: string) =>
  new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric' }).format(ms);

/**
 * Why the merchant cannot share a code now, saying what to fix on the Discounts page; null
 * when it can be shared.
 */
export function shareRefusal(
  d: Window & { code: string },
  nowMs: number,
  lang = 'en',
): { code: string; message: string } | null {
  switch (discountState(d, nowMs)) {
    case 'inactive':
      return {
        code: 'discount-inactive',
        message: `${d.code} is turned off. Turn it on in Discounts to share it.`,
      };
    case 'expired':
      return {
        code: 'discount-expired',
        message: `${d.code} ended on ${longDate(d.endsAt!.toMillis(), lang)}. Move its end date in Discounts to share it again.`,
      };
    case 'scheduled':
      return {
        code: 'discount-not-started',
        message: `${d.code} starts on ${longDate(d.startsAt!.toMillis(), lang)}. Move its start date in Discounts to share it now.`,
      };
    case 'used-up':
      return {
        code: 'discount-used-up',
        message: `${d.code} has been used ${d.usageCount} of ${d.usageLimit} times. Raise its usage limit in Discounts to share it again.`,
      };
    default:
      return null;
  }
}

/** Why a shared code does not apply to a conversation, with what the shopper needs to know. */
export type ApplyRefusal =
  | { code: 'discount-inactive' }
  | { code: 'discount-not-started'; date: number }
  | { code: 'discount-expired'; date: number }
  | { code: 'discount-used-up' }
  | { code: 'already-applied' }
  | { code: 'currency-mismatch'; currency: string }
  | { code: 'minimum-not-reached'; minimum: number; subtotal: number; currency: string };

export function applyRefusal(
  d: Window & Pick<Discount, 'kind' | 'currency' | 'minimumSubtotal'>,
  cart: Pick<Cart, 'subtotal' | 'currency'> | null,
  usedHere: boolean,
  nowMs: number,
): ApplyRefusal | null {
  switch (discountState(d, nowMs)) {
    case 'inactive':
      return { code: 'discount-inactive' };
    case 'expired':
      return { code: 'discount-expired', date: d.endsAt!.toMillis() };
    case 'scheduled':
      return { code: 'discount-not-started', date: d.startsAt!.toMillis() };
    case 'used-up':
      return { code: 'discount-used-up' };
  }
  if (usedHere) return { code: 'already-applied' };
  const needsCart = d.kind === 'fixed-amount' || d.minimumSubtotal !== null;
  if (needsCart && cart && cart.currency !== d.currency) {
    return { code: 'currency-mismatch', currency: d.currency };
  }
  if (d.minimumSubtotal !== null && (cart?.subtotal ?? 0) < d.minimumSubtotal) {
    return {
      code: 'minimum-not-reached',
      minimum: d.minimumSubtotal,
      subtotal: cart?.subtotal ?? 0,
      currency: d.currency,
    };
  }
  return null;
}

const REFUSAL_KEYS: Record<ApplyRefusal['code'], CommerceStringKey> = {
  'discount-inactive': 'refusedInactive',
  'discount-not-started': 'refusedNotStarted',
  'discount-expired': 'refusedExpired',
  'discount-used-up': 'refusedUsedUp',
  'already-applied': 'refusedAlreadyApplied',
  'currency-mismatch': 'refusedCurrency',
  'minimum-not-reached': 'refusedMinimum',
};

/** A refusal as the shopper reads it, in `lang`. */
export function describeApplyRefusal(refusal: ApplyRefusal, lang: string): string {
  const params: Record<string, string> = {};
  if ('date' in refusal) params.date = longDate(refusal.date, lang);
  if ('currency' in refusal) params.currency = refusal.currency;
  if (refusal.code === 'minimum-not-reached') {
    params.minimum = formatMoney(refusal.minimum, refusal.currency, lang);
    params.missing = formatMoney(refusal.minimum - refusal.subtotal, refusal.currency, lang);
  }
  return commerceText(lang, REFUSAL_KEYS[refusal.code], params);
}

/** "15% off", "€10.00 off", "Free shipping". */
export function describeDiscount(
  d: Pick<SharedDiscount, 'kind' | 'value' | 'currency'>,
  lang: string,
) {
  switch (d.kind) {
    case 'percentage':
      return commerceText(lang, 'discountPercent', { value: d.value });
    case 'fixed-amount':
      return commerceText(lang, 'discountAmount', {
        amount: formatMoney(d.value, d.currency, lang),
      });
    case 'free-shipping':
      return commerceText(lang, 'discountFreeShipping');
  }
}

/** The conditions under a card: "On orders from €50.00 · Until 30 June 2025", or ''. */
export function describeDiscountTerms(
  d: Pick<SharedDiscount, 'minimumSubtotal' | 'currency' | 'endsAt'>,
  lang: string,
): string {
  const terms: string[] = [];
  if (d.minimumSubtotal !== null) {
    terms.push(
      commerceText(lang, 'discountMinimum', {
        amount: formatMoney(d.minimumSubtotal, d.currency, lang),
      }),
    );
  }
  if (d.endsAt) {
    terms.push(commerceText(lang, 'discountUntil', { date: longDate(d.endsAt.toMillis(), lang) }));
  }
  return terms.join(' · ');
}
