/**
 * `POST /api/inbound-email?key=…`: SendGrid Inbound Parse posts each email sent to a reply
 * address here (multipart/form-data: to, from, text, html, headers, envelope, …). The mail
 * is matched to its conversation only by the unguessable token in `reply+<token>@…`, must
 * come from the address the reply was sent to, and is appended as the shopper's message
 * without the quoted history and signature. Anything else is refused with a code, logged,
 * and appended nowhere. SendGrid retries on 5xx, so a repeated Message-ID is acknowledged
 * without appending twice.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import Busboy from '@fastify/busboy';
import {
  DEFAULT_STORE_SETTINGS,
  errorBody,
  MESSAGE_MAX_LENGTH,
  messagesPath,
} from '@comptoir/core';
import { FieldValue } from 'firebase-admin/firestore';
import { defineSecret } from 'firebase-functions/params';
import { onRequest, type Request } from 'firebase-functions/v2/https';
import { db, INBOUND_EMAIL_MAX_BYTES } from '../config';
import { refreshAvailability } from '../data/availability';
import { reopenConversation } from '../data/conversations';
import { conversationOfToken } from '../data/emailTokens';
import { conversationRef, storeRef } from '../data/refs';
import {
  emailAddressOf,
  htmlToText,
  replyTokenFrom,
  stripQuotedReply,
} from '../domain/inboundReply';
import { shopperEmailOf } from '../email/replyEmails';
import * as log from '../logs';

/** Shared with the Inbound Parse URL (`?key=`): only SendGrid knows it. */
export const INBOUND_EMAIL_KEY = defineSecret('INBOUND_EMAIL_KEY');

const ALREADY_EXISTS = 6;

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function keyMatches(given: unknown): boolean {
  const expected = Buffer.from(INBOUND_EMAIL_KEY.value());
  const actual = Buffer.from(typeof given === 'string' ? given : '');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The form fields of the multipart body (attachments are counted, never kept). */
function parseMultipart(req: Request): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let bb;
    try {
      bb = Busboy({
        headers: req.headers as { 'content-type': string },
        limits: { fieldSize: INBOUND_EMAIL_MAX_BYTES, fields: 50, files: 20 },
      });
    } catch {
      reject(new Refusal(400, 'not-multipart', 'Expected multipart/form-data from Inbound Parse.'));
      return;
    }
    bb.on('field', (name, value) => (fields[name] = value));
    bb.on('file', (_name, stream) => stream.resume());
    bb.on('finish', () => resolve(fields));
    bb.on('error', () => reject(new Refusal(400, 'bad-multipart', 'The form data is malformed.')));
    bb.end(req.rawBody);
  });
}

function header(headers: string | undefined, name: string): string | null {
  const match = new RegExp(`^${name}:\\s*(.+)$`, 'im').exec(headers ?? '');
  return match ? match[1]!.trim() : null;
}

async function appendReply(fields: Record<string, string>) {
  let envelopeTo = '';
  try {
    envelopeTo = ((JSON.parse(fields.envelope ?? '{}') as { to?: string[] }).to ?? []).join(',');
  } catch {
    // A missing envelope is fine: the To header is enough.
  }
  const token = replyTokenFrom(envelopeTo, fields.to);
  const found = token ? await conversationOfToken(token, 'reply') : null;
  if (!found) throw new Refusal(404, 'unknown-recipient', 'No conversation has this address.');
  const { storeId, conversationId } = found;

  const conversation = (await conversationRef(storeId, conversationId).get()).data();
  const expected = conversation ? shopperEmailOf(conversation)?.email.toLowerCase() : null;
  const sender = emailAddressOf(fields.from);
  if (!conversation || !expected || sender !== expected) {
    // A leaked or forwarded address must not let a stranger write as the shopper.
    throw new Refusal(403, 'sender-mismatch', 'This reply does not come from the shopper.');
  }

  let text = stripQuotedReply(fields.text || htmlToText(fields.html ?? ''));
  if (!text) throw new Refusal(422, 'empty-reply', 'The email has no text above the quote.');
  if (text.length > MESSAGE_MAX_LENGTH) text = `${text.slice(0, MESSAGE_MAX_LENGTH - 1)}…`;

  // Same email delivered twice (SendGrid retries): same document id, created once.
  const messageKey = header(fields.headers, 'Message-ID') ?? `${token}:${fields.text ?? ''}`;
  const messageId = `email-${createHash('sha256').update(messageKey).digest('hex').slice(0, 32)}`;
  try {
    await db.collection(messagesPath(storeId, conversationId)).doc(messageId).create({
      author: 'shopper',
      authorUid: conversation.shopperUid,
      text,
      via: 'email',
      createdAt: FieldValue.serverTimestamp(),
    });
  } catch (error) {
    if ((error as { code?: number }).code === ALREADY_EXISTS) {
      return { storeId, conversationId, messageId, duplicate: true };
    }
    throw error;
  }
  log.inboundEmailAppended(storeId, conversationId, messageId);
  // Writing again reopens a finished conversation, by email as in the chat (if a slot is free).
  if (conversation.status === 'finished') {
    const store = (await storeRef(storeId).get()).data();
    const cap = store?.maxConcurrentChats ?? DEFAULT_STORE_SETTINGS.maxConcurrentChats;
    if ((await reopenConversation(storeId, conversationId, cap, 'shopper')) === 'reopened') {
      await refreshAvailability(storeId);
    }
  }
  return { storeId, conversationId, messageId, duplicate: false };
}

export const inboundEmail = onRequest({ secrets: [INBOUND_EMAIL_KEY] }, async (req, res) => {
  try {
    if (req.method !== 'POST') throw new Refusal(405, 'method-not-allowed', 'Use POST.');
    if (!keyMatches(req.query.key)) {
      throw new Refusal(401, 'bad-key', 'This endpoint only takes mail from Inbound Parse.');
    }
    if ((req.rawBody?.length ?? 0) > INBOUND_EMAIL_MAX_BYTES) {
      throw new Refusal(413, 'too-large', 'Replies over 1 MB are refused.');
    }
    const result = await appendReply(await parseMultipart(req));
    res.status(200).json({ ok: true, duplicate: result.duplicate });
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    log.inboundEmailRefused(error.code, { status: error.status });
    // 2xx/4xx: SendGrid must not retry a refusal (it retries only on 5xx).
    res.status(error.status).json(errorBody(error.code, error.message));
  }
});
