import { describe, expect, it } from 'vitest';
import { emailAddressOf, htmlToText, replyTokenFrom, stripQuotedReply } from './inboundReply';

const TOKEN = 'Ab3_-'.repeat(8) + 'xyz';

describe('reading an emailed reply', () => {
  it('finds the conversation token in the reply address, and nothing in other addresses', () => {
    expect(TOKEN).toHaveLength(43);
    expect(replyTokenFrom(`"Maison Lumière" <reply+${TOKEN}@reply.comptoir.test>`)).toBe(TOKEN);
    expect(replyTokenFrom(undefined, `reply+${TOKEN}@reply.comptoir.test`)).toBe(TOKEN);
    expect(replyTokenFrom('shop@maison.test')).toBeNull();
    expect(replyTokenFrom('reply+short@reply.comptoir.test')).toBeNull();
  });

  it('reads the sender address from a From header', () => {
    expect(emailAddressOf('Léa Martin <Lea@Example.com>')).toBe('lea@example.com');
    expect(emailAddressOf('lea@example.com')).toBe('lea@example.com');
    expect(emailAddressOf('no address here')).toBeNull();
  });

  it('keeps what the shopper wrote and drops the quoted history (Gmail, French, Outlook)', () => {
    expect(
      stripQuotedReply(
        'Perfect, thank you!\nI will order today.\n\nOn Sun, Nov 22, 2026 at 10:00 Maison Lumière <reply+x@r.test> wrote:\n> It ships tomorrow.\n',
      ),
    ).toBe('Perfect, thank you!\nI will order today.');
    expect(
      stripQuotedReply(
        'Merci !\r\n\r\nLe dim. 22 nov. 2026 à 10:00, Maison Lumière a écrit :\r\n> Bonjour',
      ),
    ).toBe('Merci !');
    expect(
      stripQuotedReply('Thanks\n\n-----Original Message-----\nFrom: Maison Lumière\nSent: today'),
    ).toBe('Thanks');
    expect(stripQuotedReply('Thanks\n________________________________\nFrom: shop')).toBe('Thanks');
    // Gmail breaks a long attribution line in two.
    expect(
      stripQuotedReply(
        'Yes please\n\nOn Sun, Nov 22, 2026 at 10:00 AM Maison Lumière\n<reply+x@r.test> wrote:\n> ok',
      ),
    ).toBe('Yes please');
  });

  it('drops signatures', () => {
    expect(stripQuotedReply('Great\n\n-- \nLéa Martin\nCEO')).toBe('Great');
    expect(stripQuotedReply('Great\n\nSent from my iPhone')).toBe('Great');
    expect(stripQuotedReply('Super\n\nEnvoyé de mon iPhone')).toBe('Super');
  });

  it('keeps an answer written between quoted lines only up to the first quote', () => {
    expect(stripQuotedReply('> quoted first\nanswer')).toBe('');
  });

  it('turns an HTML-only reply into text without its quoted part', () => {
    expect(
      htmlToText(
        '<div>Sounds good &amp; thanks<br>Léa</div><blockquote>On … wrote: old</blockquote>',
      ),
    ).toBe('Sounds good & thanks\nLéa\n');
  });
});
