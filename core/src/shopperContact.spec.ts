import { describe, expect, it } from 'vitest';
import { validateShopperContact } from './shopperContact';

describe('validateShopperContact', () => {
  it('accepts an email and an optional name, tidied', () => {
    expect(validateShopperContact({ email: ' Lea@Example.com ', name: '  Léa   Martin ' })).toEqual(
      {
        ok: true,
        value: { email: 'lea@example.com', name: 'Léa Martin' },
      },
    );
    expect(validateShopperContact({ email: 'lea@example.com' })).toEqual({
      ok: true,
      value: { email: 'lea@example.com', name: null },
    });
  });

  it('says what is wrong with each field', () => {
    const missing = validateShopperContact({});
    expect(missing).toMatchObject({ ok: false, code: 'invalid-fields' });
    expect(!missing.ok && missing.fields?.email).toMatch(/email address/);
    const bad = validateShopperContact({ email: 'lea@', name: 'x'.repeat(200) });
    expect(!bad.ok && Object.keys(bad.fields ?? {})).toEqual(['email', 'name']);
    expect(!bad.ok && bad.message).toBe('2 fields need attention.');
    expect(validateShopperContact({ email: 42 }).ok).toBe(false);
  });
});
