/** The merchant's notification email for an offline message: pure, so it is unit-tested. */
import { CONTACT_FIELDS, type ContactField, type OfflineMessage, type Store } from '@comptoir/core';
import type { MailDataRequired } from '@sendgrid/mail';

const LABELS: Record<ContactField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  phone: 'Phone',
  message: 'Message',
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function offlineMessageEmail(
  store: Pick<Store, 'name' | 'notificationEmail' | 'senderName' | 'senderEmail'>,
  message: Pick<OfflineMessage, 'fields' | 'language'>,
): MailDataRequired {
  const f = message.fields;
  const who = [f.firstName, f.lastName].filter(Boolean).join(' ') || f.email || 'A shopper';
  const rows: [string, string][] = CONTACT_FIELDS.filter((name) => f[name]).map((name) => [
    LABELS[name],
    f[name]!,
  ]);
  const text = [
    `${who} left a message on ${store.name} while the chat was offline.`,
    '',
    ...rows.map(([label, value]) => `${label}: ${value}`),
    '',
    f.email ? 'Reply to this email to answer them.' : 'They left no email address.',
  ].join('\n');
  const html = `<p>${escapeHtml(who)} left a message on <strong>${escapeHtml(store.name)}</strong> while the chat was offline.</p>
<table cellpadding="6" style="border-collapse:collapse">${rows
    .map(
      ([label, value]) =>
        `<tr><th align="left" valign="top">${escapeHtml(label)}</th><td style="white-space:pre-wrap">${escapeHtml(value)}</td></tr>`,
    )
    .join('')}</table>
<p>${f.email ? 'Reply to this email to answer them.' : 'They left no email address.'}</p>`;
  return {
    to: store.notificationEmail,
    from: { email: store.senderEmail, name: store.senderName || store.name },
    // The merchant answers from their mail client straight to the shopper.
    ...(f.email ? { replyTo: { email: f.email, name: who } } : {}),
    subject: `New message from ${who} — ${store.name}`,
    text,
    html,
  };
}
