import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONTACT_FIELDS,
  DEFAULT_STORE_SETTINGS,
  contactFieldProblem,
  validateContactForm,
  validateStoreSettings,
} from './forms';

const settings = {
  ...DEFAULT_STORE_SETTINGS,
  notificationEmail: 'owner@shop.test',
  senderName: 'Shop',
  senderEmail: 'chat@shop.test',
};

describe('store settings', () => {
  it('accepts complete settings and trims the text fields', () => {
    const result = validateStoreSettings({ ...settings, senderName: '  Shop  ' });
    expect(result).toMatchObject({ ok: true, value: { senderName: 'Shop' } });
  });

  it('keeps the cap between 1 and 100, whole numbers only', () => {
    for (const cap of [0, 101, 2.5, '5']) {
      const result = validateStoreSettings({ ...settings, maxConcurrentChats: cap });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.fields.maxConcurrentChats).toMatch(/from 1 to 100/);
    }
    expect(validateStoreSettings({ ...settings, maxConcurrentChats: 100 }).ok).toBe(true);
  });

  it('asks for the email after the first message unless the merchant chose a pre-chat form', () => {
    const { emailCapture: _omitted, ...older } = settings;
    expect(validateStoreSettings(older)).toMatchObject({
      ok: true,
      value: { emailCapture: 'after-first-message' },
    });
    expect(validateStoreSettings({ ...settings, emailCapture: 'pre-chat-required' })).toMatchObject(
      { ok: true, value: { emailCapture: 'pre-chat-required' } },
    );
    const wrong = validateStoreSettings({ ...settings, emailCapture: 'always' });
    expect(!wrong.ok && wrong.fields.emailCapture).toMatch(/when to ask/);
  });

  it('names every wrong field at once, each with its own message', () => {
    const result = validateStoreSettings({
      ...settings,
      notificationEmail: 'nope',
      senderEmail: '',
      offlineMode: 'yes',
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.fields).sort()).toEqual([
      'notificationEmail',
      'offlineMode',
      'senderEmail',
    ]);
    expect(!result.ok && result.message).toBe('3 fields need attention.');
  });

  it('never stores a required flag on a field that is not asked for', () => {
    const result = validateStoreSettings({
      ...settings,
      contactFields: { ...DEFAULT_CONTACT_FIELDS, phone: { requested: false, required: true } },
    });
    expect(result.ok && result.value.contactFields.phone).toEqual({
      requested: false,
      required: false,
    });
  });

  it('refuses a contact form that would give the merchant no way to answer', () => {
    const none = { requested: false, required: false };
    const result = validateStoreSettings({
      ...settings,
      contactFields: {
        firstName: { requested: true, required: true },
        lastName: none,
        email: none,
        phone: none,
        message: none,
      },
    });
    expect(!result.ok && result.fields.contactFields).toMatch(/email, a phone number or a message/);
  });
});

describe('the offline contact form', () => {
  it('keeps only the fields the store asks for, trimmed', () => {
    const result = validateContactForm(
      { firstName: ' Ada ', email: 'ada@example.com', message: 'Hi', lastName: 'ignored' },
      DEFAULT_CONTACT_FIELDS,
    );
    expect(result).toEqual({
      ok: true,
      value: { firstName: 'Ada', email: 'ada@example.com', message: 'Hi' },
    });
  });

  it('asks for required fields and checks email and phone formats', () => {
    expect(contactFieldProblem('email', '', { required: true })).toBe('required');
    expect(contactFieldProblem('email', 'ada@', { required: true })).toBe('email');
    expect(contactFieldProblem('phone', '+33 6 12 34 56 78', { required: false })).toBeNull();
    expect(contactFieldProblem('phone', '12', { required: false })).toBe('phone');
    expect(contactFieldProblem('phone', '', { required: false })).toBeNull();
    expect(contactFieldProblem('message', 'x'.repeat(2001), { required: true })).toBe('too-long');
    expect(contactFieldProblem('firstName', 42, { required: false })).toBe('not-text');
  });

  it('answers one message per wrong field', () => {
    const result = validateContactForm({ email: 'nope', message: '' }, DEFAULT_CONTACT_FIELDS);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.fields).toEqual({
      email: expect.stringMatching(/does not look right/),
      message: 'Please enter your message.',
    });
  });
});
