/**
 * The one SendGrid client. The API key is a Functions secret; in the emulator the key comes
 * from functions/.secret.local and SENDGRID_API_URL (functions/.env.local) points the real
 * `@sendgrid/mail` client at the local SendGrid-compatible sink instead of the internet.
 */
import { Client } from '@sendgrid/client';
import { MailService, type MailDataRequired } from '@sendgrid/mail';
import { defineSecret } from 'firebase-functions/params';

export const SENDGRID_API_KEY = defineSecret('SENDGRID_API_KEY');

let service: MailService | null = null;

function mailer(): MailService {
  if (!service) {
    const client = new Client();
    client.setApiKey(SENDGRID_API_KEY.value());
    const baseUrl = process.env.SENDGRID_API_URL;
    if (baseUrl) client.setDefaultRequest('baseUrl', baseUrl);
    service = new MailService();
    service.setClient(client);
  }
  return service;
}

/** Sends one mail; rejects with SendGrid's own error (status code and error list). */
export async function sendMail(mail: MailDataRequired): Promise<void> {
  await mailer().send(mail);
}

/** A short, log-safe description of a SendGrid failure. */
export function describeSendError(error: unknown): string {
  const e = error as { code?: number; response?: { body?: { errors?: { message?: string }[] } } };
  const first = e.response?.body?.errors?.[0]?.message;
  return [e.code ? `HTTP ${e.code}` : null, first ?? (error as Error).message]
    .filter(Boolean)
    .join(': ')
    .slice(0, 300);
}
