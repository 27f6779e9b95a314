/**
 * Every log line the functions write, named, so that logs read the same everywhere and
 * nothing secret (tokens, message text) slips into them by accident.
 */
import { logger } from 'firebase-functions/v2';

export const conversationStarted = (storeId: string, conversationId: string, guestNumber: number) =>
  logger.info('conversation started', { storeId, conversationId, guestNumber });

export const conversationResumed = (storeId: string, conversationId: string) =>
  logger.info('conversation resumed', { storeId, conversationId });

export const messageSummarised = (storeId: string, conversationId: string, messageId: string) =>
  logger.debug('message summarised', { storeId, conversationId, messageId });

export const duplicateMessageEvent = (storeId: string, conversationId: string, messageId: string) =>
  logger.info('duplicate message event ignored', { storeId, conversationId, messageId });

export const availabilityRefused = (code: string, storeId: unknown) =>
  logger.info('availability request refused', { code, storeId: String(storeId).slice(0, 64) });
