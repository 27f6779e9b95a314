import { getFirestore, Timestamp } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discountPath, discountUsePath, messagesPath, type DiscountInput } from '@comptoir/core';
import { chattingShopper, conversationOf, openStore, systemLines } from '../support/commerce';
import { call, refusal, uniqueStoreId, type Client } from '../support/emulators';

const storeId = uniqueStoreId('discounts');
const clients: Client[] = [];
let operator: Client & { uid: string };
const DAY = 86_400_000;

let codes = 0;
const newCode = () => `CODE${++codes}X${Date.now().toString(36).toUpperCase()}`.slice(0, 32);

const input = (overrides: Partial<DiscountInput> = {}): DiscountInput => ({
  code: newCode(),
  kind: 'percentage',
  value: 15,
  currency: 'EUR',
  startsAt: null,
  endsAt: null,
  usageLimit: null,
  minimumSubtotal: null,
  active: true,
  ...overrides,
});

/** Saves a code through the console's callable and returns it. */
async function created(overrides: Partial<DiscountInput> = {}) {
  const discount = input(overrides);
  await call(operator, 'saveDiscount', { storeId, discount, create: true });
  return discount.code;
}

/** A chatting shopper with a cart of `subtotal` euros and `code` shared with them. */
async function withCard(code: string, subtotal = 120) {
  const { shopper, conversationId } = await chattingShopper(storeId);
  clients.push(shopper);
  await call(shopper, 'reportCart', {
    storeId,
    conversationId,
    eventId: `e-${conversationId}`,
    occurredAt: Date.now(),
    cart: {
      items: [
        { id: 'lamp', name: 'Opaline lamp', variant: null, quantity: 1, unitPrice: subtotal },
      ],
      subtotal,
      currency: 'EUR',
    },
  });
  const { messageId } = await call<{ messageId: string }>(operator, 'shareDiscount', {
    storeId,
    conversationId,
    code,
  });
  return { shopper, conversationId, messageId };
}

const apply = (shopper: Client, conversationId: string, messageId: string) =>
  call<{ discount: { code: string } }>(shopper, 'applyDiscount', {
    storeId,
    conversationId,
    messageId,
  });

/** What the merchant changes on the Discounts page after sharing (written directly here). */
const changeDiscount = (code: string, data: Record<string, unknown>) =>
  getFirestore().doc(discountPath(storeId, code)).update(data);

beforeAll(async () => {
  operator = await openStore(storeId);
  clients.push(operator);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

describe('managing codes (saveDiscount)', () => {
  it('an operator creates a code, stored under its upper-cased code with no use yet', async () => {
    const code = newCode();
    await call(operator, 'saveDiscount', {
      storeId,
      discount: input({ code: code.toLowerCase(), kind: 'fixed-amount', value: 10 }),
      create: true,
    });
    const saved = (await getFirestore().doc(discountPath(storeId, code)).get()).data();
    expect(saved).toMatchObject({ code, kind: 'fixed-amount', value: 10, usageCount: 0 });
  });

  it('each invalid field is refused with its own message', async () => {
    const refused = await refusal(
      call(operator, 'saveDiscount', {
        storeId,
        discount: input({ code: 'x', value: 500 }),
        create: true,
      }),
    );
    expect(refused).toMatchObject({ status: 'functions/invalid-argument', code: 'invalid-fields' });
    expect(refused.details?.fields).toMatchObject({
      code: expect.stringMatching(/3 to 32/),
      value: expect.stringMatching(/1 to 100/),
    });
  });

  it('creating a code that exists is refused; editing it keeps its usage count', async () => {
    const code = await created();
    await changeDiscount(code, { usageCount: 4 });
    expect(
      await refusal(
        call(operator, 'saveDiscount', { storeId, discount: input({ code }), create: true }),
      ),
    ).toMatchObject({ code: 'code-taken' });
    await call(operator, 'saveDiscount', { storeId, discount: input({ code, value: 20 }) });
    expect((await getFirestore().doc(discountPath(storeId, code)).get()).data()).toMatchObject({
      value: 20,
      usageCount: 4,
    });
  });

  it('a shopper cannot manage codes', async () => {
    const { shopper } = await chattingShopper(storeId);
    clients.push(shopper);
    expect(
      await refusal(call(shopper, 'saveDiscount', { storeId, discount: input(), create: true })),
    ).toMatchObject({ code: 'not-a-member' });
  });
});

describe('sharing a code (shareDiscount)', () => {
  it('posts a card under the operator’s name with a copy of the code’s terms', async () => {
    const code = await created({ minimumSubtotal: 50 });
    const { conversationId, messageId } = await withCard(code);
    const card = (
      await getFirestore()
        .doc(`${messagesPath(storeId, conversationId)}/${messageId}`)
        .get()
    ).data();
    expect(card).toMatchObject({
      author: 'operator',
      authorUid: operator.uid,
      authorName: 'Camille',
      text: `Discount code ${code}: 15% off`,
      discount: { code, kind: 'percentage', value: 15, minimumSubtotal: 50 },
    });
  });

  it('an inactive or expired code is refused with what to fix', async () => {
    const { shopper, conversationId } = await chattingShopper(storeId);
    clients.push(shopper);
    const off = await created({ active: false });
    const inactive = await refusal(
      call(operator, 'shareDiscount', { storeId, conversationId, code: off }),
    );
    expect(inactive).toMatchObject({ code: 'discount-inactive' });
    expect(inactive.message).toMatch(/turned off\. Turn it on in Discounts/);

    const old = await created({ startsAt: Date.now() - 10 * DAY, endsAt: Date.now() - DAY });
    const expired = await refusal(
      call(operator, 'shareDiscount', { storeId, conversationId, code: old }),
    );
    expect(expired).toMatchObject({ code: 'discount-expired' });
    expect(expired.message).toMatch(/ended on .*Move its end date in Discounts/);
  });
});

describe('applying a code (applyDiscount)', () => {
  it('applies: counts the use, records it on the conversation and says so in the thread', async () => {
    const code = await created({ usageLimit: 10 });
    const { shopper, conversationId, messageId } = await withCard(code);
    expect(await apply(shopper, conversationId, messageId)).toEqual({
      discount: { code, kind: 'percentage', value: 15, currency: 'EUR' },
    });
    const db = getFirestore();
    expect((await db.doc(discountPath(storeId, code)).get()).data()?.usageCount).toBe(1);
    expect(
      (await db.doc(discountUsePath(storeId, code, conversationId)).get()).data(),
    ).toMatchObject({
      shopperUid: shopper.uid,
      subtotal: 120,
    });
    expect((await conversationOf(storeId, conversationId))?.discount).toMatchObject({
      code,
      messageId,
    });
    const lines = await systemLines(storeId, conversationId);
    expect(lines.at(-1)).toMatchObject({
      text: `Discount ${code} applied`,
      event: { kind: 'discount-applied', code },
    });
  });

  it('refuses a second use in the same conversation', async () => {
    const code = await created();
    const { shopper, conversationId, messageId } = await withCard(code);
    await apply(shopper, conversationId, messageId);
    const again = await refusal(apply(shopper, conversationId, messageId));
    expect(again).toMatchObject({
      status: 'functions/failed-precondition',
      code: 'already-applied',
    });
    expect(again.message).toMatch(/^You have already used this code\./);
    expect((await getFirestore().doc(discountPath(storeId, code)).get()).data()?.usageCount).toBe(
      1,
    );
  });

  it.each([
    ['discount-inactive', { active: false }, /no longer active/],
    [
      'discount-not-started',
      { startsAt: Timestamp.fromMillis(Date.now() + DAY) },
      /can be used from/,
    ],
    ['discount-expired', { endsAt: Timestamp.fromMillis(Date.now() - 1000) }, /expired on/],
    ['discount-used-up', { usageLimit: 3, usageCount: 3 }, /as many times as allowed/],
    ['minimum-not-reached', { minimumSubtotal: 200 }, /at least €200\.00: add €80\.00 more/],
    ['currency-mismatch', { kind: 'fixed-amount', value: 10, currency: 'USD' }, /carts in USD/],
  ])('refuses with %s, saying why', async (code, change, message) => {
    const discount = await created();
    const { shopper, conversationId, messageId } = await withCard(discount, 120);
    // The merchant changed the code after sharing it.
    await changeDiscount(discount, change);
    const refused = await refusal(apply(shopper, conversationId, messageId));
    expect(refused).toMatchObject({ status: 'functions/failed-precondition', code });
    expect(refused.message).toMatch(message);
    expect((await conversationOf(storeId, conversationId))?.discount).toBeUndefined();
  });

  it('a shopper cannot apply a card from another conversation, or in someone else’s', async () => {
    const code = await created();
    const { conversationId, messageId } = await withCard(code);
    const other = await chattingShopper(storeId);
    clients.push(other.shopper);
    expect(await refusal(apply(other.shopper, conversationId, messageId))).toMatchObject({
      code: 'not-your-conversation',
    });
    expect(await refusal(apply(other.shopper, other.conversationId, messageId))).toMatchObject({
      code: 'discount-not-shared',
    });
  });

  it('concurrent applies against a usage limit of 1: exactly one succeeds', async () => {
    const code = await created({ usageLimit: 1 });
    const cards = await Promise.all(Array.from({ length: 5 }, () => withCard(code)));
    const outcomes = await Promise.allSettled(
      cards.map((c) => apply(c.shopper, c.conversationId, c.messageId)),
    );
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const lost = await Promise.all(
      outcomes
        .filter((o): o is PromiseRejectedResult => o.status === 'rejected')
        .map((o) => refusal(Promise.reject(o.reason))),
    );
    expect(lost.map((l) => l.code)).toEqual(Array(4).fill('discount-used-up'));
    const saved = (await getFirestore().doc(discountPath(storeId, code)).get()).data();
    expect(saved?.usageCount).toBe(1);
    const uses = await getFirestore()
      .collection(`${discountPath(storeId, code)}/uses`)
      .get();
    expect(uses.size).toBe(1);
  });
});
