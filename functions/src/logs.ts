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

export const conversationReopened = (storeId: string, conversationId: string, by: string) =>
  logger.info('conversation reopened', { storeId, conversationId, by });

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

export const operatorInvited = (storeId: string, invitationId: string) =>
  logger.info('operator invited', { storeId, invitationId });

export const invitationAccepted = (storeId: string, invitationId: string, uid: string) =>
  logger.info('invitation accepted', { storeId, invitationId, uid });

export const invitationRefused = (storeId: string, code: string) =>
  logger.info('invitation refused', { storeId, code });

export const invitationRevoked = (storeId: string, invitationId: string) =>
  logger.info('invitation revoked', { storeId, invitationId });

export const memberRemoved = (storeId: string, uid: string) =>
  logger.info('member removed', { storeId, uid });

export const replyEmailQueued = (storeId: string, conversationId: string, messageId: string) =>
  logger.info('reply email queued', { storeId, conversationId, messageId });

export const replyEmailSent = (storeId: string, conversationId: string, replies: number) =>
  logger.info('reply email sent', { storeId, conversationId, replies });

export const replyEmailSkipped = (storeId: string, conversationId: string, reason: string) =>
  logger.info('reply email skipped', { storeId, conversationId, reason });

export const replyEmailFailed = (storeId: string, conversationId: string, reason: string) =>
  logger.error('reply email failed', { storeId, conversationId, reason });

/** Refused inbound mail: logged with its reason, never appended anywhere. */
export const inboundEmailRefused = (code: string, detail: Record<string, unknown> = {}) =>
  logger.warn('inbound email refused', { code, ...detail });

export const inboundEmailAppended = (storeId: string, conversationId: string, messageId: string) =>
  logger.info('inbound email appended', { storeId, conversationId, messageId });

export const conversationResumedByLink = (storeId: string, conversationId: string) =>
  logger.info('conversation resumed from an email link', { storeId, conversationId });

export const conversationsArchived = (storeId: string, archived: number, complete: boolean) =>
  logger.info('finished conversations archived', { storeId, archived, complete });

export const archiveFailed = (storeId: string, reason: string) =>
  logger.error('archiving failed; the next offline switch resumes it', { storeId, reason });

export const historyDeleted = (
  storeId: string,
  counts: { rows: number; conversations: number; messages: number },
) => logger.info('history rows deleted', { storeId, ...counts });
export const settingsSaved = (storeId: string, withAppearance: boolean) =>
  logger.info('store settings saved', { storeId, withAppearance });

export const autoReplySent = (storeId: string, conversationId: string, language: string) =>
  logger.info('automatic first response sent', { storeId, conversationId, language });
