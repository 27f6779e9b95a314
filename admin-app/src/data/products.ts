/**
 * The store's catalogue (`stores/{storeId}/products/{productId}`). Members read it; imports
 * go through the signed /api/products endpoint or the importProducts function, and shared
 * cards through shareProducts (a copy lands in the message).
 */
import { collection, limit, orderBy, query, where } from 'firebase/firestore';
import { productsPath, type Product } from '@comptoir/core';
import { db } from '../firebase';
import { withStoreId, type InStore } from './converter';

/** With its store's id: the store's own product ids do not tell two stores' lists apart. */
export type ProductDoc = InStore<Product>;

const converter = withStoreId<Product>();
const products = (storeId: string) =>
  collection(db, productsPath(storeId)).withConverter(converter);

/**
 * The first `max` products by name, or those with `key` among their search keys (a word or a
 * word's beginning, folded): one array-contains query, at most `max` reads, whatever the
 * catalogue's size (index: searchKeys + name in firestore.indexes.json).
 */
export const productsQuery = (storeId: string, key: string | null, max: number) =>
  key
    ? query(
        products(storeId),
        where('searchKeys', 'array-contains', key),
        orderBy('name'),
        limit(max),
      )
    : query(products(storeId), orderBy('name'), limit(max));
