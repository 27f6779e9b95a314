/**
 * Discount codes (`stores/{storeId}/discounts/{code}`). Members read them; every change
 * goes through the saveDiscount, shareDiscount and applyDiscount functions.
 */
import { collection, orderBy, query } from 'firebase/firestore';
import { discountsPath, type Discount } from '@comptoir/core';
import { db } from '../firebase';
import { withStoreId, type InStore } from './converter';

/** With its store's id: code ids do not tell two stores' lists apart. */
export type DiscountDoc = InStore<Discount>;

const converter = withStoreId<Discount>();

/** A store has tens of codes, not thousands: the whole list, by code. */
export const discountsQuery = (storeId: string) =>
  query(collection(db, discountsPath(storeId)).withConverter(converter), orderBy('code'));
