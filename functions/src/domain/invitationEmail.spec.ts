import { Timestamp } from 'firebase-admin/firestore';
import { describe, expect, it } from 'vitest';
import { invitationEmail } from './invitationEmail';

const store = {
  name: 'Maison <Lumière>',
  senderName: 'Maison Lumière',
  senderEmail: 'chat@shop.test',
};
const invitation = {
  email: 'bruno@shop.test',
  displayName: 'Bruno',
  invitedBy: { uid: 'owner', displayName: 'Camille', email: 'camille@shop.test' },
  expiresAt: Timestamp.fromMillis(Date.UTC(2025, 5, 8, 12)),
};
const link = 'http://127.0.0.1:5000/join?store=shop&token=abc&x=1';

describe('the invitation email', () => {
  it('goes to the invitee from the store’s sender, answering to the owner who invited', () => {
    expect(invitationEmail(store, invitation, link)).toMatchObject({
      to: 'bruno@shop.test',
      from: { email: 'chat@shop.test', name: 'Maison Lumière' },
      replyTo: { email: 'camille@shop.test', name: 'Camille' },
      subject: 'Camille invited you to the Maison <Lumière> team',
    });
  });

  it('carries the join link, who it is for and until when', () => {
    const mail = invitationEmail(store, invitation, link);
    expect(mail.text).toContain(`Join the team: ${link}`);
    expect(mail.text).toContain('Hello Bruno,');
    expect(mail.text).toContain('for bruno@shop.test, until 8 June 2025');
    expect(mail.html).toContain(
      'href="http://127.0.0.1:5000/join?store=shop&#38;token=abc&#38;x=1"',
    );
    expect(mail.html).toContain('Maison &#60;Lumière&#62;');
  });

  it('greets plainly when the owner suggested no name', () => {
    const mail = invitationEmail(store, { ...invitation, displayName: null }, link);
    expect(mail.text?.startsWith('Hello,\n')).toBe(true);
  });
});
