/** The email that invites an operator to a store: pure, so it is unit-tested. */
import type { Invitation, Store } from '@comptoir/core';
import type { MailDataRequired } from '@sendgrid/mail';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const day = (ms: number) =>
  new Date(ms).toLocaleDateString('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

export function invitationEmail(
  store: Pick<Store, 'name' | 'senderName' | 'senderEmail'>,
  invitation: Pick<Invitation, 'email' | 'displayName' | 'invitedBy' | 'expiresAt'>,
  link: string,
): MailDataRequired {
  const inviter = invitation.invitedBy.displayName;
  const hello = invitation.displayName ? `Hello ${invitation.displayName},` : 'Hello,';
  const expires = day(invitation.expiresAt.toMillis());
  const text = [
    hello,
    '',
    `${inviter} invited you to answer shoppers’ chats for ${store.name} on Comptoir.`,
    '',
    `Join the team: ${link}`,
    '',
    `The link works once, for ${invitation.email}, until ${expires}.`,
    'If you were not expecting this invitation, you can ignore this email.',
  ].join('\n');
  const html = `<p>${escapeHtml(hello)}</p>
<p>${escapeHtml(inviter)} invited you to answer shoppers’ chats for <strong>${escapeHtml(store.name)}</strong> on Comptoir.</p>
<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:#1f6f5c;color:#ffffff;font-weight:600;text-decoration:none">Join the team</a></p>
<p style="color:#5d6b67">The link works once, for ${escapeHtml(invitation.email)}, until ${escapeHtml(expires)}. If you were not expecting this invitation, you can ignore this email.</p>`;
  return {
    to: invitation.email,
    from: { email: store.senderEmail, name: store.senderName || store.name },
    // Questions about the invitation go to the owner who sent it.
    ...(invitation.invitedBy.email
      ? { replyTo: { email: invitation.invitedBy.email, name: inviter } }
      : {}),
    subject: `${inviter} invited you to the ${store.name} team`,
    text,
    html,
  };
}
