/**
 * Cart events: what a store may report, what changed between two snapshots, and how a
 * change reads in a conversation. Pure, shared by the functions (which write the English
 * line), the widget (which words it in the shopper's language) and the console.
 */
import { commerceText } from './commerceText';
import type { Cart, CartChange, CartItem, CartSummary } from './types';
import type { ValidationResult } from './validation';

export const CART_LIMITS = {
  items: 100,
  id: 100,
  name: 200,
  variant: 100,
  quantity: 9999,
  amount: 10_000_000,
  eventId: 100,
} as const;

/**
 * A product's name is shown in a cart line only when shorter than this many characters
 * (as Shopify Inbox does): a longer name would swamp the thread, so the line says "an item".
 */
export const CART_NAME_MAX_SHOWN = 41;

/** Changes within this many seconds of the previous one rewrite the same line. */
export const CART_COALESCE_SECONDS = 15;

/** The console shows the cart in the conversation header while it was touched this recently. */
export const CART_ACTIVE_HOURS = 24;

const fail = <T>(message: string): ValidationResult<T> => ({
  ok: false,
  code: 'invalid-cart',
  message,
});

const isAmount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= CART_LIMITS.amount;

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** A three-letter ISO 4217 code, upper-cased ("eur" → "EUR"), or null (carts, products, orders). */
export function currencyCode(value: unknown): string | null {
  const code = text(value).toUpperCase();
  return /^[A-Z]{3}$/.test(code) ? code : null;
}

/**
 * A cart as `Comptoir.cart(...)` or the cart-events endpoint receives it. Messages speak to
 * the store's developer and name the field at fault.
 */
export function validateCart(input: unknown): ValidationResult<Cart> {
  if (typeof input !== 'object' || input === null) {
    return fail('The cart must be an object: { items, subtotal, currency }.');
  }
  const source = input as Record<string, unknown>;
  if (!Array.isArray(source.items)) return fail('cart.items must be an array (it may be empty).');
  if (source.items.length > CART_LIMITS.items) {
    return fail(`A cart can hold at most ${CART_LIMITS.items} lines.`);
  }
  const currency = currencyCode(source.currency);
  if (!currency) {
    return fail('cart.currency must be a three-letter ISO 4217 code, like "EUR".');
  }
  if (!isAmount(source.subtotal)) {
    return fail('cart.subtotal must be a number of at least 0, in the currency (29.9 for €29.90).');
  }
  const items: CartItem[] = [];
  const seen = new Set<string>();
  for (const [index, raw] of source.items.entries()) {
    const at = `cart.items[${index}]`;
    if (typeof raw !== 'object' || raw === null) return fail(`${at} must be an object.`);
    const line = raw as Record<string, unknown>;
    const id = typeof line.id === 'number' ? String(line.id) : text(line.id);
    if (id.length === 0 || id.length > CART_LIMITS.id) {
      return fail(`${at}.id must be text of 1 to ${CART_LIMITS.id} characters.`);
    }
    if (seen.has(id)) return fail(`${at}.id "${id}" appears twice: one line per id.`);
    seen.add(id);
    const name = text(line.name);
    if (name.length === 0 || name.length > CART_LIMITS.name) {
      return fail(`${at}.name must be text of 1 to ${CART_LIMITS.name} characters.`);
    }
    const variant = line.variant === undefined || line.variant === null ? '' : text(line.variant);
    if (typeof line.variant === 'number' || variant.length > CART_LIMITS.variant) {
      return fail(`${at}.variant must be text of at most ${CART_LIMITS.variant} characters.`);
    }
    const { quantity } = line;
    if (
      typeof quantity !== 'number' ||
      !Number.isInteger(quantity) ||
      quantity < 1 ||
      quantity > CART_LIMITS.quantity
    ) {
      return fail(`${at}.quantity must be a whole number from 1 to ${CART_LIMITS.quantity}.`);
    }
    if (!isAmount(line.unitPrice)) {
      return fail(`${at}.unitPrice must be a number of at least 0, in the currency.`);
    }
    items.push({ id, name, variant: variant || null, quantity, unitPrice: line.unitPrice });
  }
  return { ok: true, value: { items, subtotal: source.subtotal, currency } };
}

/** An event id: the store's own (server to server) or one the widget makes per report. */
export function validateCartEventId(input: unknown): ValidationResult<string> {
  if (typeof input !== 'string' || !/^[A-Za-z0-9_.:-]+$/.test(input)) {
    return {
      ok: false,
      code: 'invalid-event-id',
      message: `eventId must be 1 to ${CART_LIMITS.eventId} letters, digits or _ . : -`,
    };
  }
  if (input.length > CART_LIMITS.eventId) {
    return {
      ok: false,
      code: 'invalid-event-id',
      message: `eventId must be at most ${CART_LIMITS.eventId} characters.`,
    };
  }
  return { ok: true, value: input };
}

/** The name as a cart line may show it: null when 41 characters or longer. */
export function shownName(name: string): string | null {
  return Array.from(name).length < CART_NAME_MAX_SHOWN ? name : null;
}

/** What changed from one snapshot to the next, line by line, in the new cart's order. */
export function cartChanges(before: readonly CartItem[], after: readonly CartItem[]): CartChange[] {
  const previous = new Map(before.map((item) => [item.id, item]));
  const changes: CartChange[] = [];
  const change = (item: CartItem, delta: number) => {
    const name = shownName(item.name);
    changes.push({ delta, name, variant: name === null ? null : item.variant });
  };
  for (const item of after) {
    const delta = item.quantity - (previous.get(item.id)?.quantity ?? 0);
    if (delta !== 0) change(item, delta);
    previous.delete(item.id);
  }
  for (const gone of previous.values()) change(gone, -gone.quantity);
  return changes;
}

export const itemCount = (items: readonly CartItem[]) =>
  items.reduce((sum, item) => sum + item.quantity, 0);

/** "Added 2 × Opaline table lamp (Sage)", "Removed an item from the cart", in `lang`. */
export function describeCartChange(change: CartChange, lang: string): string {
  const count = Math.abs(change.delta);
  const added = change.delta > 0;
  if (change.name === null) {
    const key = added
      ? count === 1
        ? 'cartAddedOne'
        : 'cartAddedMany'
      : count === 1
        ? 'cartRemovedOne'
        : 'cartRemovedMany';
    return commerceText(lang, key, { count });
  }
  const label = change.variant ? `${change.name} (${change.variant})` : change.name;
  const what = count === 1 ? label : `${count} × ${label}`;
  return commerceText(lang, added ? 'cartAdded' : 'cartRemoved', { what });
}

/** Amounts as shoppers read them: "€248.00", "248,00 €". */
export function formatMoney(amount: number, currency: string, lang: string): string {
  try {
    return new Intl.NumberFormat(lang, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

/** Whether the console shows the cart in the conversation header at `nowMs`. */
export function isCartActive(cart: CartSummary | null | undefined, nowMs: number): boolean {
  return (
    !!cart &&
    cart.items.length > 0 &&
    nowMs - cart.updatedAt.toMillis() < CART_ACTIVE_HOURS * 3600 * 1000
  );
}
