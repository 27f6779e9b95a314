/**
 * `POST /api/orders` (signed, see signedEndpoint.ts): a store's server reports orders, one
 * (`{ order }`) or a batch (`{ orders: [...] }`), each time one is placed or its status
 * changes. Every order is checked before anything is written (validateOrderBatch), then
 * all are upserted in one transaction: a refused request leaves nothing behind.
 */
import { validateOrderBatch } from '@comptoir/core';
import * as log from '../commerceLogs';
import { upsertOrders } from '../data/orders';
import { EndpointError, signedEndpoint } from './signedEndpoint';

export const orders = signedEndpoint(async (storeId, body) => {
  const batch = validateOrderBatch(body, Date.now());
  if (!batch.ok) throw new EndpointError(400, batch.code, batch.message);
  const outcomes = await upsertOrders(storeId, batch.value);
  log.ordersReceived(storeId, outcomes.length);
  return { status: 200, body: { orders: outcomes } };
});
