/**
 * Named log lines of the commerce features (see logs.ts): ids and outcomes only, never
 * cart contents, emails or order details.
 */
import { logger } from 'firebase-functions/v2';

export const cartEvent = (
  storeId: string,
  conversationId: string,
  source: 'widget' | 'server',
  outcome: string,
) => logger.info('cart event', { storeId, conversationId, source, outcome });

export const signedRequestRefused = (storeId: string, code: string) =>
  logger.warn('signed request refused', { storeId: storeId.slice(0, 64), code });

export const discountApplied = (storeId: string, conversationId: string, code: string) =>
  logger.info('discount applied', { storeId, conversationId, code });

export const ordersReceived = (storeId: string, count: number) =>
  logger.info('orders received', { storeId, count });

/** Never the number or the email looked up: only whether it was found. */
export const orderLookup = (storeId: string, outcome: 'found' | 'not-found' | 'rate-limited') =>
  logger.info('order lookup', { storeId: storeId.slice(0, 64), outcome });

export const productsImported = (storeId: string, source: 'console' | 'server', count: number) =>
  logger.info('products imported', { storeId, source, count });

export const productsShared = (storeId: string, conversationId: string, count: number) =>
  logger.info('products shared', { storeId, conversationId, count });
