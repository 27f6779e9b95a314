import { getFirestore } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availabilityPath, presencePath, type AvailabilityStatus } from '@comptoir/core';
import { DEMO_WIDGET, seedMerchant, seedStore } from '../../scripts/lib/seed.mjs';
import {
  call,
  HOSTING,
  merchantFor,
  operatorClient,
  refusal,
  shopperClient,
  uniqueStoreId,
  type Client,
} from '../support/emulators';

const availability = (store: string) =>
  fetch(`${HOSTING}/api/availability?store=${encodeURIComponent(store)}`);

const stored = async (storeId: string) =>
  (await getFirestore().doc(availabilityPath(storeId)).get()).data();

describe('availability endpoint (through Hosting)', () => {
  it('tells the loader a store is online, with its launcher, in a response CDNs may cache briefly', async () => {
    const storeId = uniqueStoreId('open');
    await seedStore(storeId);
    const merchant = merchantFor(storeId);
    await seedMerchant(storeId, merchant);
    const operator = await operatorClient(merchant);
    await call(operator, 'setOperatorStatus', { storeId, online: true });
    const response = await availability(storeId);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    expect(await response.json()).toEqual({
      storeId,
      status: 'online',
      offlineForm: true,
      launcher: DEMO_WIDGET.launcher,
    });
    await operator.close();
  });

  it('tells the loader a store nobody operates right now is offline, with its form setting and launcher', async () => {
    const storeId = uniqueStoreId('closed');
    const widget = {
      ...DEMO_WIDGET,
      launcher: { position: 'bottom-left' as const, color: '#aa3355' },
    };
    await seedStore(storeId, widget, { offlineMode: false });
    expect(await (await availability(storeId)).json()).toEqual({
      storeId,
      status: 'offline',
      offlineForm: false,
      launcher: { position: 'bottom-left', color: '#aa3355' },
    });
  });

  it('reads as offline once the last operator heartbeat has expired, with no sweep needed', async () => {
    const storeId = uniqueStoreId('silent');
    await seedStore(storeId);
    // The stored status still says online, but its heartbeat ran out a minute ago.
    await getFirestore()
      .doc(availabilityPath(storeId))
      .update({ status: 'online', onlineUntil: new Date(Date.now() - 60_000) });
    expect((await (await availability(storeId)).json()).status).toBe('offline');
  });

  it('answers 400 with an error code for a malformed store id', async () => {
    const response = await availability('../../etc');
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('invalid-store-id');
  });

  it('answers 404 with an error code for a store that does not exist', async () => {
    const response = await availability(uniqueStoreId('nowhere'));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'store-not-found', message: expect.stringMatching(/does not exist/) },
    });
  });
});

describe('availability transitions (setOperatorStatus, the cap, settings)', () => {
  const storeId = uniqueStoreId('transitions');
  const merchant = merchantFor(storeId, 'Léa');
  const clients: Client[] = [];
  let operator: Client & { uid: string };

  beforeAll(async () => {
    await seedStore(storeId, DEMO_WIDGET, { maxConcurrentChats: 1 });
    await seedMerchant(storeId, merchant);
    operator = await operatorClient(merchant);
    clients.push(operator);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
  });

  const status = (online: boolean) =>
    call<{ status: AvailabilityStatus }>(operator, 'setOperatorStatus', { storeId, online });

  it('going online makes the store online; the presence records the heartbeat', async () => {
    expect((await stored(storeId))?.status).toBe('offline');
    expect(await status(true)).toEqual({ status: 'online' });
    expect((await stored(storeId))?.onlineUntil.toMillis()).toBeGreaterThan(Date.now());
    const presence = await getFirestore().doc(presencePath(storeId, operator.uid)).get();
    expect(presence.get('online')).toBe(true);
  });

  it('the store becomes full when the last slot is taken, and online again when it frees', async () => {
    const shopper = await shopperClient();
    clients.push(shopper);
    const { conversationId } = await call<{ conversationId: string }>(
      shopper,
      'startConversation',
      {
        storeId,
      },
    );
    expect((await stored(storeId))?.status).toBe('full');
    await call(operator, 'endConversation', { storeId, conversationId });
    expect((await stored(storeId))?.status).toBe('online');
  });

  it('raising the cap in the settings reopens a full store at once', async () => {
    const shopper = await shopperClient();
    clients.push(shopper);
    await call(shopper, 'startConversation', { storeId });
    expect((await stored(storeId))?.status).toBe('full');
    const store = (await getFirestore().doc(`stores/${storeId}`).get()).data()!;
    await call(operator, 'saveStoreSettings', {
      storeId,
      settings: {
        maxConcurrentChats: 2,
        offlineMode: store.offlineMode,
        notificationEmail: store.notificationEmail,
        senderName: store.senderName,
        senderEmail: store.senderEmail,
        contactFields: store.contactFields,
      },
    });
    expect((await stored(storeId))?.status).toBe('online');
  });

  it('going offline makes the store offline', async () => {
    expect(await status(false)).toEqual({ status: 'offline' });
  });

  it('only operators of the store may switch it, and the switch must say on or off', async () => {
    const shopper = await shopperClient();
    clients.push(shopper);
    expect(
      await refusal(call(shopper, 'setOperatorStatus', { storeId, online: true })),
    ).toMatchObject({
      status: 'functions/permission-denied',
      code: 'not-a-member',
    });
    expect(
      await refusal(call(operator, 'setOperatorStatus', { storeId, online: 'yes' })),
    ).toMatchObject({
      status: 'functions/invalid-argument',
      code: 'invalid-status',
    });
  });
});
