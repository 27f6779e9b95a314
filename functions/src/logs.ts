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

export const conversationRefusedFull = (storeId: string, cap: number) =>
  logger.info('conversation refused: store full', { storeId, cap });

export const conversationEnded = (storeId: string, conversationId: string, reason: string) =>
  logger.info('conversation ended', { storeId, conversationId, reason });

export const offlineMessageHoneypot = (storeId: string) =>
  logger.warn('offline message dropped: honeypot filled', { storeId });

export const offlineMessageRateLimited = (storeId: string) =>
  logger.warn('offline message refused: rate limited', { storeId });

export const emailSkipped = (storeId: string, id: string) =>
  logger.info('email already sent or being sent', { storeId, id });

export const emailSent = (storeId: string, id: string) =>
  logger.info('email sent', { storeId, id });

export const emailFailed = (storeId: string, id: string, reason: string) =>
  logger.error('email failed', { storeId, id, reason });

export const identityVerified = (storeId: string) =>
  logger.info('customer identity verified', { storeId });

export const identityRefused = (storeId: string) =>
  logger.warn('customer identity refused: bad signature', { storeId });

export const settingsSaved = (storeId: string, withAppearance: boolean) =>
  logger.info('store settings saved', { storeId, withAppearance });

export const autoReplySent = (storeId: string, conversationId: string, language: string) =>
  logger.info('automatic first response sent', { storeId, conversationId, language });
