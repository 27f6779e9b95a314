/**
 * `POST /api/products` (signed, see signedEndpoint.ts): a store's server upserts a batch of
 * its catalogue, `{ products: [...] }` (at most 250). Every product is checked first; one
 * wrong field refuses the whole request, listing each item and field at fault in
 * `error.problems`, and nothing is written. An accepted batch is one write: all or none.
 */
import { validateProductBatch } from '@comptoir/core';
import * as log from '../commerceLogs';
import { upsertProducts } from '../data/products';
import { EndpointError, signedEndpoint } from './signedEndpoint';

export const products = signedEndpoint(async (storeId, body) => {
  const result = validateProductBatch({ products: body.products });
  if (!result.ok) {
    throw new EndpointError(400, result.code, result.message, { problems: result.problems });
  }
  await upsertProducts(storeId, result.value);
  log.productsImported(storeId, 'server', result.value.length);
  return { status: 200, body: { status: 'imported', count: result.value.length } };
});
