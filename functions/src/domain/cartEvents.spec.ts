import { describe, expect, it } from 'vitest';
import { CART_COALESCE_SECONDS, type Cart, type CartItem, type Conversation } from '@comptoir/core';
import { planCartEvent, RECENT_EVENT_IDS, type CartPlan } from './cartEvents';

const at = (ms: number) => ({ toMillis: () => ms });
const lamp = (quantity: number): CartItem => ({
  id: 'opaline',
  name: 'Opaline table lamp',
  variant: 'Sage',
  quantity,
  unitPrice: 149,
});
const shade = (quantity: number): CartItem => ({
  id: 'shade',
  name: 'Linen shade',
  variant: null,
  quantity,
  unitPrice: 39,
});
const cartOf = (...items: CartItem[]): Cart => ({
  items,
  subtotal: items.reduce((s, i) => s + i.quantity * i.unitPrice, 0),
  currency: 'EUR',
});

type State = Pick<Conversation, 'cart' | 'lastMessage' | 'lastMessageAt' | 'lastMessageId'>;
const fresh: State = {
  cart: null,
  lastMessage: { text: 'Hello', author: 'shopper' },
  lastMessageAt: at(0),
  lastMessageId: 'hello',
};

/** Applies a plan the way data/cartEvents.ts does, to chain reports in a test. */
function apply(state: State, plan: CartPlan, nowMs: number): State {
  if (plan.action === 'ignore') return state;
  const next: State = { ...state, cart: plan.summary };
  if (plan.line?.op === 'create') {
    Object.assign(next, { lastMessageId: plan.line.messageId, lastMessageAt: at(nowMs) });
  }
  if (plan.line?.op === 'delete') Object.assign(next, plan.line.previous);
  return next;
}

let ids = 0;
function report(state: State, cart: Cart, nowMs: number, eventId = `e${++ids}`) {
  const plan = planCartEvent(state, { eventId, occurredAt: nowMs, cart }, at(nowMs), `m${ids}`);
  return { plan, state: apply(state, plan, nowMs) };
}

describe('planning a cart event', () => {
  it('the first report with items writes one line with the cart’s size and subtotal', () => {
    const { plan } = report(fresh, cartOf(lamp(2)), 1000);
    expect(plan).toMatchObject({
      action: 'record',
      summary: { itemCount: 2, subtotal: 298, currency: 'EUR', burst: null },
      line: { op: 'create', text: 'Cart: 2 items · €298.00' },
    });
  });

  it('a first empty report is kept silently, so the next one reads as "Added …"', () => {
    const first = report(fresh, cartOf(), 1000);
    expect(first.plan).toMatchObject({ action: 'record', line: null });
    const second = report(first.state, cartOf(lamp(1)), 2000);
    expect(second.plan).toMatchObject({
      line: { op: 'create', text: 'Added Opaline table lamp (Sage)' },
    });
  });

  it('a repeated event id is ignored', () => {
    const first = report(fresh, cartOf(), 1000, 'evt-1');
    const again = report(first.state, cartOf(lamp(1)), 2000, 'evt-1');
    expect(again.plan).toEqual({ action: 'ignore', reason: 'duplicate' });
  });

  it('only the latest event ids are remembered', () => {
    let state = report(fresh, cartOf(), 0).state;
    for (let i = 0; i < RECENT_EVENT_IDS + 5; i++) {
      state = report(state, cartOf(lamp((i % 3) + 1)), 100_000 * (i + 1)).state;
    }
    expect(state.cart?.recentEventIds).toHaveLength(RECENT_EVENT_IDS);
  });

  it('an older snapshot arriving late is ignored', () => {
    const first = report(fresh, cartOf(), 5000);
    const late = planCartEvent(
      first.state,
      { eventId: 'late', occurredAt: 4000, cart: cartOf(lamp(1)) },
      at(6000),
      'm-late',
    );
    expect(late).toEqual({ action: 'ignore', reason: 'stale' });
  });

  it('the same cart again changes nothing', () => {
    const first = report(fresh, cartOf(lamp(1)), 1000);
    expect(report(first.state, cartOf(lamp(1)), 60_000).plan).toEqual({
      action: 'ignore',
      reason: 'unchanged',
    });
  });

  it('a burst of changes rewrites one line with the net change', () => {
    let state = report(fresh, cartOf(), 0).state;
    const start = report(state, cartOf(lamp(1)), 100_000);
    state = start.state;
    const lineId = start.plan.action === 'record' ? start.plan.line?.messageId : null;
    const plus = report(state, cartOf(lamp(2)), 103_000);
    const plusAgain = report(plus.state, cartOf(lamp(3), shade(1)), 106_000);
    expect(plusAgain.plan).toMatchObject({
      line: {
        op: 'update',
        messageId: lineId,
        text: 'Added 3 × Opaline table lamp (Sage)\nAdded Linen shade',
      },
    });
  });

  it('a change after the coalescing window, or after someone spoke, starts a new line', () => {
    let state = report(fresh, cartOf(), 0).state;
    state = report(state, cartOf(lamp(1)), 100_000).state;
    const later = report(state, cartOf(lamp(2)), 100_000 + CART_COALESCE_SECONDS * 1000 + 1);
    expect(later.plan).toMatchObject({
      line: { op: 'create', text: 'Added Opaline table lamp (Sage)' },
    });

    const spoken = { ...later.state, lastMessageId: 'operator-reply' };
    const after = report(spoken, cartOf(lamp(3)), 100_000 + CART_COALESCE_SECONDS * 1000 + 2000);
    expect(after.plan).toMatchObject({ line: { op: 'create' } });
  });

  it('a burst that cancels out withdraws its line and gives the preview back', () => {
    let state = report(fresh, cartOf(), 0).state;
    const before = { lastMessage: state.lastMessage, lastMessageId: state.lastMessageId };
    state = report(state, cartOf(lamp(1)), 100_000).state;
    const undo = report(state, cartOf(), 102_000);
    expect(undo.plan).toMatchObject({
      action: 'record',
      summary: { items: [], burst: null },
      line: { op: 'delete', previous: before },
    });
  });

  it('new prices with the same lines update the summary without a line', () => {
    const first = report(fresh, cartOf(lamp(1)), 1000);
    const promo = report(first.state, { ...cartOf(lamp(1)), subtotal: 120 }, 60_000);
    expect(promo.plan).toMatchObject({ action: 'record', summary: { subtotal: 120 }, line: null });
  });
});
