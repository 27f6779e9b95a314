/**
 * Orders: what a store's server may post to `/api/orders`, what a shopper types to look one
 * up ("Where is my order?"), and what the lookup answers. Pure and shared: the endpoint and
 * the callable run these checks, the widget runs the same ones before calling.
 */
import { currencyCode } from './cart';
import { commerceText, type CommerceStringKey } from './commerceText';
import { isEmail } from './forms';
import { normalizeEmail } from './team';
import type { OrderInput, OrderItem, OrderLookupAnswer, OrderStatus } from './types';
import { webUrl } from './urls';
import type { ValidationResult } from './validation';

export const ORDER_STATUSES: readonly OrderStatus[] = [
  'received',
  'processing',
  'shipped',
  'delivered',
  'cancelled',
];

export const ORDER_LIMITS = {
  /** Orders in one request: one transaction writes them all, or none. */
  batch: 100,
  number: 40,
  items: 50,
  itemName: 200,
  quantity: 9999,
  carrier: 60,
  trackingUrl: 2000,
  amount: 10_000_000,
} as const;

/** Only these statuses show the carrier's tracking link to the shopper. */
const TRACKED: readonly OrderStatus[] = ['shipped', 'delivered'];
export const showsTracking = (status: OrderStatus) => TRACKED.includes(status);

/** A normalised order number is also its document id: no slash, no leading dot. */
const NUMBER_KEY = /^[A-Z0-9][A-Z0-9._-]*$/;

/**
 * The order number as stored and matched: "#ml 1042 " and "ML1042" are the same order.
 * Leading '#', every space and case are dropped; null when nothing usable is left.
 */
export function orderNumberKey(input: unknown): string | null {
  const raw = typeof input === 'number' && Number.isInteger(input) ? String(input) : input;
  if (typeof raw !== 'string') return null;
  const key = raw.trim().replace(/^#+/, '').replace(/\s+/g, '').toUpperCase();
  return key.length > 0 && key.length <= ORDER_LIMITS.number && NUMBER_KEY.test(key) ? key : null;
}

/** Emails are matched trimmed and in lower case, on both sides; null when not an email. */
export function orderEmail(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const email = normalizeEmail(input);
  return isEmail(email) ? email : null;
}

const fail = <T>(code: string, message: string): ValidationResult<T> => ({
  ok: false,
  code,
  message,
});

const isAmount = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= ORDER_LIMITS.amount;

/** Earliest plausible order time: anything before is a unit mix-up (seconds for ms). */
const EARLIEST_MS = Date.UTC(2000, 0, 1);
const DAY_MS = 24 * 60 * 60 * 1000;

/** Unix time in ms, or an ISO 8601 string; a day of clock skew is allowed. */
function timeOf(input: unknown, nowMs: number): number | null {
  const ms =
    typeof input === 'number' ? input : typeof input === 'string' ? Date.parse(input) : NaN;
  return Number.isFinite(ms) && ms >= EARLIEST_MS && ms <= nowMs + DAY_MS ? ms : null;
}

/** An http(s) link without credentials in it; anything else (javascript:, data:) is refused. */
export function trackingLink(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const text = input.trim();
  if (text.length === 0 || text.length > ORDER_LIMITS.trackingUrl) return null;
  const url = webUrl(text);
  return url && !url.username && !url.password ? url.href : null;
}

function validateItems(input: unknown, at: string): ValidationResult<OrderItem[] | null> {
  if (input === undefined || input === null) return { ok: true, value: null };
  if (!Array.isArray(input) || input.length > ORDER_LIMITS.items) {
    return fail('invalid-items', `${at} must be a list of at most ${ORDER_LIMITS.items} lines.`);
  }
  const items: OrderItem[] = [];
  for (const [index, raw] of input.entries()) {
    const line = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const name = typeof line.name === 'string' ? line.name.trim() : '';
    if (name.length === 0 || name.length > ORDER_LIMITS.itemName) {
      return fail(
        'invalid-items',
        `${at}[${index}].name must be text of 1 to ${ORDER_LIMITS.itemName} characters.`,
      );
    }
    const { quantity } = line;
    if (
      typeof quantity !== 'number' ||
      !Number.isInteger(quantity) ||
      quantity < 1 ||
      quantity > ORDER_LIMITS.quantity
    ) {
      return fail(
        'invalid-items',
        `${at}[${index}].quantity must be a whole number from 1 to ${ORDER_LIMITS.quantity}.`,
      );
    }
    items.push({ name, quantity });
  }
  return { ok: true, value: items };
}

/**
 * One order as a store's server posts it. `at` names it in messages ("orders[2]"), so the
 * developer reads which order and which field to fix; the code names the field too.
 */
export function validateOrder(
  input: unknown,
  nowMs: number,
  at = 'order',
): ValidationResult<OrderInput> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail('invalid-order', `${at} must be an object: { number, email, status, … }.`);
  }
  const o = input as Record<string, unknown>;
  const numberKey = orderNumberKey(o.number);
  if (!numberKey) {
    return fail(
      'invalid-order-number',
      `${at}.number must be the order number the shopper sees (1 to ${ORDER_LIMITS.number} letters, digits, . _ or -, an optional leading #).`,
    );
  }
  const email = orderEmail(o.email);
  if (!email)
    return fail('invalid-email', `${at}.email must be the email the order was placed with.`);
  if (!ORDER_STATUSES.includes(o.status as OrderStatus)) {
    return fail(
      'invalid-order-status',
      `${at}.status must be one of ${ORDER_STATUSES.join(', ')}.`,
    );
  }
  const status = o.status as OrderStatus;
  const createdAt = timeOf(o.createdAt, nowMs);
  if (createdAt === null) {
    return fail(
      'invalid-created-at',
      `${at}.createdAt must be when the order was placed: Unix time in ms, or an ISO 8601 date.`,
    );
  }
  const updatedAt = o.updatedAt === undefined ? nowMs : timeOf(o.updatedAt, nowMs);
  if (updatedAt === null || updatedAt < createdAt) {
    return fail(
      'invalid-updated-at',
      `${at}.updatedAt must be when the status last changed (ms or ISO 8601, not before createdAt), or left out for now.`,
    );
  }
  if (!isAmount(o.total)) {
    return fail('invalid-total', `${at}.total must be a number of at least 0, in the currency.`);
  }
  const currency = currencyCode(o.currency);
  if (!currency) {
    return fail(
      'invalid-currency',
      `${at}.currency must be a three-letter ISO 4217 code, like "EUR".`,
    );
  }
  const items = validateItems(o.items, `${at}.items`);
  if (!items.ok) return items;
  const carrier = o.carrier === undefined || o.carrier === null ? '' : o.carrier;
  if (typeof carrier !== 'string' || carrier.trim().length > ORDER_LIMITS.carrier) {
    return fail(
      'invalid-carrier',
      `${at}.carrier must be text of at most ${ORDER_LIMITS.carrier} characters.`,
    );
  }
  let trackingUrl: string | null = null;
  if (o.trackingUrl !== undefined && o.trackingUrl !== null && o.trackingUrl !== '') {
    trackingUrl = trackingLink(o.trackingUrl);
    if (!trackingUrl) {
      return fail(
        'invalid-tracking-url',
        `${at}.trackingUrl must be an http:// or https:// link of at most ${ORDER_LIMITS.trackingUrl} characters.`,
      );
    }
  }
  return {
    ok: true,
    value: {
      number: String(o.number).trim(),
      numberKey,
      email,
      status,
      createdAt,
      updatedAt,
      total: o.total,
      currency,
      items: items.value,
      carrier: carrier.trim() || null,
      trackingUrl,
    },
  };
}

/** The endpoint's body: `{ order }` for one, `{ orders: [...] }` for a batch, all valid or none. */
export function validateOrderBatch(
  body: Record<string, unknown>,
  nowMs: number,
): ValidationResult<OrderInput[]> {
  const single = body.order !== undefined;
  if (single === (body.orders !== undefined)) {
    return fail('invalid-orders', 'Send either { "order": {…} } or { "orders": [{…}, …] }.');
  }
  const list = single ? [body.order] : body.orders;
  if (!Array.isArray(list) || list.length === 0 || list.length > ORDER_LIMITS.batch) {
    return fail('invalid-orders', `orders must be a list of 1 to ${ORDER_LIMITS.batch} orders.`);
  }
  const orders: OrderInput[] = [];
  const seen = new Set<string>();
  for (const [index, raw] of list.entries()) {
    const order = validateOrder(raw, nowMs, single ? 'order' : `orders[${index}]`);
    if (!order.ok) return order;
    if (seen.has(order.value.numberKey)) {
      return fail(
        'duplicate-order',
        `orders[${index}].number "${order.value.number}" appears twice: send each order once.`,
      );
    }
    seen.add(order.value.numberKey);
    orders.push(order.value);
  }
  return { ok: true, value: orders };
}

export interface OrderLookupInput {
  numberKey: string;
  email: string;
}

/** What the shopper typed in "Where is my order?", checked before anything is read. */
export function validateOrderLookup(input: {
  orderNumber?: unknown;
  email?: unknown;
}): ValidationResult<OrderLookupInput> {
  const numberKey = orderNumberKey(input.orderNumber);
  if (!numberKey) {
    return fail(
      'invalid-order-number',
      'Enter your order number, as it appears in your confirmation email.',
    );
  }
  const email = orderEmail(input.email);
  if (!email) return fail('invalid-email', 'Enter the email address you ordered with.');
  return { ok: true, value: { numberKey, email } };
}

/** The one answer for a wrong number, a wrong email or an unknown store: it reveals nothing. */
export const ORDER_NOT_FOUND = {
  code: 'order-not-found',
  message: 'We could not find an order with that number and email.',
} as const;

const STATUS_KEYS: Record<OrderStatus, CommerceStringKey> = {
  received: 'orderStatusReceived',
  processing: 'orderStatusProcessing',
  shipped: 'orderStatusShipped',
  delivered: 'orderStatusDelivered',
  cancelled: 'orderStatusCancelled',
};

const HINT_KEYS: Record<OrderStatus, CommerceStringKey> = {
  received: 'orderHintReceived',
  processing: 'orderHintProcessing',
  shipped: 'orderHintShipped',
  delivered: 'orderHintDelivered',
  cancelled: 'orderHintCancelled',
};

/** "Shipped", "Expédiée": the status as the shopper reads it. */
export const describeOrderStatus = (status: OrderStatus, lang: string) =>
  commerceText(lang, STATUS_KEYS[status] ?? 'orderStatusReceived');

/** One sentence under the status: what it means for the shopper. */
export const orderStatusHint = (status: OrderStatus, lang: string) =>
  commerceText(lang, HINT_KEYS[status] ?? 'orderHintReceived');

/** What the shopper is told about their order: the tracking link only once it has shipped. */
export function orderLookupAnswer(
  order: {
    number: string;
    status: OrderStatus;
    updatedAtMs: number;
    carrier?: string | null;
    trackingUrl?: string | null;
  },
  lang: string,
): OrderLookupAnswer {
  const tracked = showsTracking(order.status) && order.trackingUrl ? order.trackingUrl : null;
  return {
    number: order.number,
    status: order.status,
    statusLabel: describeOrderStatus(order.status, lang),
    updatedAt: order.updatedAtMs,
    ...(tracked ? { trackingUrl: tracked, carrier: order.carrier ?? null } : {}),
  };
}
