import { describe, expect, it } from 'vitest';
import { offlineMessageEmail } from './offlineMessageEmail';

const store = {
  name: 'Maison Lumière',
  notificationEmail: 'owner@shop.test',
  senderName: 'Maison Lumière',
  senderEmail: 'chat@shop.test',
};

describe('the offline message email', () => {
  it('goes to the notification address from the store’s sender, with reply-to the shopper', () => {
    const mail = offlineMessageEmail(store, {
      fields: { firstName: 'Ada', lastName: 'L', email: 'ada@example.com', message: 'Hello' },
      language: 'en',
    });
    expect(mail).toMatchObject({
      to: 'owner@shop.test',
      from: { email: 'chat@shop.test', name: 'Maison Lumière' },
      replyTo: { email: 'ada@example.com', name: 'Ada L' },
      subject: 'New message from Ada L — Maison Lumière',
    });
    expect(mail.text).toContain('Message: Hello');
  });

  it('has no reply-to when the shopper gave no email, and says so', () => {
    const mail = offlineMessageEmail(store, { fields: { phone: '0612345678' }, language: 'fr' });
    expect(mail).not.toHaveProperty('replyTo');
    expect(mail.text).toContain('They left no email address.');
  });

  it('escapes what the shopper wrote in the HTML part', () => {
    const mail = offlineMessageEmail(store, {
      fields: { message: '<img src=x onerror=alert(1)>' },
      language: 'en',
    });
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&#60;img');
  });
});
