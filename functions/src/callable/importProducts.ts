/**
 * `importProducts({ storeId, products })`: the console's file import (JSON or CSV, read in
 * the browser). Members of the store only. The same check as the signed endpoint
 * (validateProductBatch, which the Products page runs first to show errors before sending);
 * a refusal lists every product and field at fault in `details.problems`. One batch write.
 */
import { validateProductBatch, validateStoreId } from '@comptoir/core';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { operatorUid } from '../auth';
import * as log from '../commerceLogs';
import { upsertProducts } from '../data/products';
import { required } from '../errors';

export const importProducts = onCall<unknown, Promise<{ count: number }>>(async (request) => {
  const input = (request.data ?? {}) as Record<string, unknown>;
  const storeId = required(validateStoreId(input.storeId));
  await operatorUid(request, storeId);
  const result = validateProductBatch({ products: input.products });
  if (!result.ok) {
    throw new HttpsError('invalid-argument', result.message, {
      code: result.code,
      problems: result.problems,
    });
  }
  await upsertProducts(storeId, result.value);
  log.productsImported(storeId, 'console', result.value.length);
  return { count: result.value.length };
});
