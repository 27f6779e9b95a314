/**
 * The two secrets of a conversation that continues by email: the token in its reply
 * address (`reply+<token>@…`, how an inbound email finds its conversation) and the token in
 * the resume link (how the shopper gets the thread back in another browser). 32 random
 * bytes each; the lookup documents are keyed by the token's SHA-256, so the database never
 * holds a usable token in a place that is searched. The raw tokens live only in the
 * conversation's private document (functions only), to write them into later emails.
 */
import { createHash, randomBytes } from 'node:crypto';
import { conversationSecretsPath, emailTokenPath } from '@comptoir/core';
import { Timestamp } from 'firebase-admin/firestore';
import { db, EMAIL_TOKEN_DAYS } from '../config';

export type EmailTokenKind = 'reply' | 'resume';

export interface EmailTokens {
  replyToken: string;
  resumeToken: string;
}

interface EmailTokenDoc {
  kind: EmailTokenKind;
  storeId: string;
  conversationId: string;
  expiresAt: Timestamp;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');
/** 43 base64url characters: anything else is not one of ours, without a lookup. */
export const isTokenShaped = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);

/** The conversation's tokens, created on first use (in a transaction: never two sets). */
export async function tokensFor(storeId: string, conversationId: string): Promise<EmailTokens> {
  const ref = db.doc(conversationSecretsPath(storeId, conversationId));
  return db.runTransaction(async (tx) => {
    const existing = (await tx.get(ref)).data() as EmailTokens | undefined;
    if (existing?.replyToken && existing.resumeToken) return existing;
    const tokens = { replyToken: newToken(), resumeToken: newToken() };
    const expiresAt = Timestamp.fromMillis(Date.now() + EMAIL_TOKEN_DAYS * 24 * 3600 * 1000);
    tx.set(ref, tokens);
    for (const [kind, token] of [
      ['reply', tokens.replyToken],
      ['resume', tokens.resumeToken],
    ] as const) {
      tx.set(db.doc(emailTokenPath(hashToken(token))), {
        kind,
        storeId,
        conversationId,
        expiresAt,
      } satisfies EmailTokenDoc);
    }
    return tokens;
  });
}

/** The conversation a token opens, if it is of this kind and still valid. */
export async function conversationOfToken(
  token: string,
  kind: EmailTokenKind,
): Promise<{ storeId: string; conversationId: string } | null> {
  if (!isTokenShaped(token)) return null;
  const doc = (await db.doc(emailTokenPath(hashToken(token))).get()).data() as
    EmailTokenDoc | undefined;
  if (!doc || doc.kind !== kind || doc.expiresAt.toMillis() < Date.now()) return null;
  return { storeId: doc.storeId, conversationId: doc.conversationId };
}
