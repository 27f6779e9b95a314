import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newIdentitySecret, signCustomerId, verifyCustomerSignature } from './identity';

describe('customer identity signatures', () => {
  const secret = newIdentitySecret();

  it('matches what a store server computes with any HMAC-SHA256 library', () => {
    const byHand = createHmac('sha256', secret).update('customer-42').digest('hex');
    expect(signCustomerId(secret, 'customer-42')).toBe(byHand);
    expect(verifyCustomerSignature(secret, 'customer-42', byHand)).toBe(true);
  });

  it('refuses a signature for another customer, another secret, or a truncated one', () => {
    const good = signCustomerId(secret, 'customer-42');
    expect(verifyCustomerSignature(secret, 'customer-43', good)).toBe(false);
    expect(verifyCustomerSignature(newIdentitySecret(), 'customer-42', good)).toBe(false);
    expect(verifyCustomerSignature(secret, 'customer-42', good.slice(0, 32))).toBe(false);
    expect(verifyCustomerSignature(secret, 'customer-42', '')).toBe(false);
  });

  it('makes a new 256-bit secret each time', () => {
    expect(newIdentitySecret()).toMatch(/^[0-9a-f]{64}$/);
    expect(newIdentitySecret()).not.toBe(secret);
  });
});
