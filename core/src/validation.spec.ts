import { describe, expect, it } from 'vitest';
import { primaryLanguage, validateMessageText, validateStoreId } from './validation';

describe('validateMessageText', () => {
  it('trims what the shopper typed before sending it', () => {
    expect(validateMessageText('  Hello there \n')).toEqual({ ok: true, value: 'Hello there' });
  });

  it('refuses an empty or blank message with a message saying to write something', () => {
    for (const input of ['', '   ', '\n\t']) {
      expect(validateMessageText(input)).toMatchObject({ ok: false, code: 'empty-message' });
    }
  });

  it('accepts exactly 2000 characters and refuses 2001, saying how long it is', () => {
    expect(validateMessageText('a'.repeat(2000)).ok).toBe(true);
    const tooLong = validateMessageText('a'.repeat(2001));
    expect(tooLong).toMatchObject({ ok: false, code: 'message-too-long' });
    expect(!tooLong.ok && tooLong.message).toContain('2001');
  });

  it('refuses a value that is not text', () => {
    expect(validateMessageText(42)).toMatchObject({ ok: false, code: 'invalid-message' });
  });
});

describe('validateStoreId', () => {
  it('accepts a lowercase slug', () => {
    expect(validateStoreId('maison-lumiere-2')).toEqual({ ok: true, value: 'maison-lumiere-2' });
  });

  it('refuses ids that could escape a path or a URL', () => {
    for (const input of [
      '../x',
      'a/b',
      'UPPER',
      '-dash',
      'dash-',
      'ab',
      'x'.repeat(41),
      undefined,
    ]) {
      expect(validateStoreId(input).ok).toBe(false);
    }
  });
});

describe('primaryLanguage', () => {
  it('keeps the primary subtag of a page language', () => {
    expect(primaryLanguage('fr-CA')).toBe('fr');
    expect(primaryLanguage('EN_us')).toBe('en');
    expect(primaryLanguage('not a language')).toBeNull();
  });
});
