/**
 * The store's catalogue (`stores/{storeId}/products/{productId}`): typed refs, and the one
 * write every import goes through (the signed endpoint and the console's importProducts).
 */
import {
  productPath,
  productSearchKeys,
  productsPath,
  type Product,
  type ProductInput,
} from '@comptoir/core';
import {
  Timestamp,
  type CollectionReference,
  type DocumentReference,
} from 'firebase-admin/firestore';
import { db } from '../config';
import { typed } from './refs';

const converter = typed<Product>();

export const productsRef = (storeId: string): CollectionReference<Product> =>
  db.collection(productsPath(storeId)).withConverter(converter);

export const productRef = (storeId: string, productId: string): DocumentReference<Product> =>
  db.doc(productPath(storeId, productId)).withConverter(converter);

/**
 * Upserts validated products in one batch: all of them or none. A product's document is
 * replaced whole, so a field the store dropped (a description) does not linger.
 */
export async function upsertProducts(storeId: string, products: readonly ProductInput[]) {
  const batch = db.batch();
  const updatedAt = Timestamp.now();
  for (const product of products) {
    batch.set(productRef(storeId, product.id), {
      ...product,
      searchKeys: productSearchKeys(product),
      updatedAt,
    });
  }
  await batch.commit();
}
