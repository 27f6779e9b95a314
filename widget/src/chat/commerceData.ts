/**
 * The chat app's commerce calls: the cart reports, discounts and order lookup all go
 * through callables (the server checks and counts; the shopper writes nothing directly).
 */
import type { DiscountDetail, OrderLookupAnswer } from '@comptoir/core';
import { httpsCallable } from 'firebase/functions';
import { functions } from './firebase';

export interface CartReportInput {
  storeId: string;
  conversationId: string;
  eventId: string;
  occurredAt: number;
  cart: unknown;
}

export const reportCart = httpsCallable<CartReportInput, { status: string }>(
  functions,
  'reportCart',
);

export const applyDiscount = httpsCallable<
  { storeId: string; conversationId: string; messageId: string },
  { discount: DiscountDetail }
>(functions, 'applyDiscount');

export const lookupOrder = httpsCallable<
  { storeId: string; orderNumber: string; email: string; language: string },
  OrderLookupAnswer
>(functions, 'lookupOrder');
