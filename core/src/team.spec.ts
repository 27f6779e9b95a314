import { describe, expect, it } from 'vitest';
import {
  joinLink,
  validateInvitationInput,
  validateInvitationToken,
  validateMemberName,
} from './team';

describe('validateMemberName', () => {
  it('trims the name an operator typed', () => {
    expect(validateMemberName('  Bruno M. ')).toEqual({ ok: true, value: 'Bruno M.' });
  });

  it('refuses an empty or blank name', () => {
    for (const input of ['', '   ']) {
      expect(validateMemberName(input)).toMatchObject({
        ok: false,
        code: 'invalid-display-name',
        message: 'Enter a name.',
      });
    }
  });

  it('accepts 40 characters (emoji count as one) and refuses 41, saying how long it is', () => {
    expect(validateMemberName('a'.repeat(40)).ok).toBe(true);
    expect(validateMemberName('🙂'.repeat(40)).ok).toBe(true);
    const long = validateMemberName('a'.repeat(41));
    expect(long).toMatchObject({ ok: false, code: 'invalid-display-name' });
    expect(!long.ok && long.message).toContain('41');
  });

  it('refuses control characters and line breaks inside the name', () => {
    for (const input of ['Bru\nno', 'Bru\tno', 'Bru\u0000no', 'Bru\u2028no']) {
      expect(validateMemberName(input)).toMatchObject({ ok: false, code: 'invalid-display-name' });
    }
  });

  it('refuses a value that is not text', () => {
    expect(validateMemberName(7)).toMatchObject({ ok: false, message: 'A name must be text.' });
  });
});

describe('validateInvitationInput', () => {
  it('lowercases the email and keeps an optional suggested name', () => {
    expect(validateInvitationInput({ email: ' Bruno@Shop.TEST ', displayName: ' Bruno ' })).toEqual(
      { ok: true, value: { email: 'bruno@shop.test', displayName: 'Bruno' } },
    );
    expect(validateInvitationInput({ email: 'bruno@shop.test', displayName: '  ' })).toEqual({
      ok: true,
      value: { email: 'bruno@shop.test', displayName: null },
    });
  });

  it('answers one message per field that needs attention', () => {
    const result = validateInvitationInput({ email: 'bruno@', displayName: 'x'.repeat(41) });
    expect(result).toMatchObject({ ok: false, code: 'invalid-fields' });
    expect(!result.ok && result.fields).toEqual({
      email: expect.stringContaining('does not look right'),
      displayName: expect.stringContaining('at most 40'),
    });
    expect(validateInvitationInput({})).toMatchObject({
      ok: false,
      fields: { email: 'Enter the email address of the person to invite.' },
    });
  });
});

describe('invitation links', () => {
  it('accept only a 43-character base64url token', () => {
    expect(validateInvitationToken('A'.repeat(43)).ok).toBe(true);
    for (const bad of ['A'.repeat(42), 'A'.repeat(44), `${'A'.repeat(42)}/`, 12]) {
      expect(validateInvitationToken(bad)).toMatchObject({ ok: false, code: 'invalid-token' });
    }
  });

  it('point at the console’s Join page with the store and the token', () => {
    expect(joinLink('http://127.0.0.1:5000/', 'demo-store', 'abc_-1')).toBe(
      'http://127.0.0.1:5000/join?store=demo-store&token=abc_-1',
    );
  });
});
