import { describe, expect, it } from 'vitest';
import {
  autoReplyText,
  DEFAULT_COLORS,
  validateConfiguration,
  widgetSettingsOf,
  type Configuration,
  type WidgetAppearance,
} from './configuration';
import { DEFAULT_STORE_SETTINGS } from './forms';

const appearance: WidgetAppearance = {
  languages: ['en', 'fr'],
  defaultLanguage: 'en',
  texts: {
    en: { header: 'Chat with us', welcome: 'Hello! How can we help?' },
    fr: { header: 'Discutons', welcome: 'Bonjour ! Comment pouvons-nous aider ?' },
  },
  colors: { ...DEFAULT_COLORS },
  launcher: { position: 'bottom-right', color: '#1f6f5c' },
  offlineForm: {
    texts: {
      en: { header: 'Leave a message', welcome: 'We will answer by email.' },
      fr: { header: 'Laissez un message', welcome: 'Nous répondrons par e-mail.' },
    },
    colors: { headerBackground: '#1f4e46', headerText: '#ffffff' },
  },
};

const input = (overrides: Partial<Record<keyof Configuration, unknown>> = {}) => ({
  settings: {
    ...DEFAULT_STORE_SETTINGS,
    notificationEmail: 'owner@shop.test',
    senderName: 'Shop',
    senderEmail: 'chat@shop.test',
  },
  appearance,
  autoReply: { enabled: false, texts: {} },
  ...overrides,
});

const fieldsOf = (result: ReturnType<typeof validateConfiguration>) =>
  result.ok ? {} : result.fields;

describe('the whole Settings page', () => {
  it('accepts a complete configuration, with colors written one way and texts trimmed', () => {
    const result = validateConfiguration(
      input({
        appearance: {
          ...appearance,
          colors: { ...DEFAULT_COLORS, headerBackground: '#ABC' },
          texts: { ...appearance.texts, en: { header: '  Hi  ', welcome: 'Hello' } },
        },
      }),
    );
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.appearance.colors.headerBackground).toBe('#aabbcc');
    expect(result.ok && result.value.appearance.texts.en).toEqual({
      header: 'Hi',
      welcome: 'Hello',
    });
  });

  it('names a missing translation with its language, for the chat and the form', () => {
    const result = validateConfiguration(
      input({
        appearance: {
          ...appearance,
          texts: { en: appearance.texts.en },
          offlineForm: {
            ...appearance.offlineForm,
            texts: { fr: appearance.offlineForm.texts.fr },
          },
        },
      }),
    );
    expect(fieldsOf(result)).toEqual({
      'texts.fr.header': 'Write the chat header in French.',
      'texts.fr.welcome': 'Write the chat welcome text in French.',
      'offlineForm.texts.en.header': 'Write the form header in English.',
      'offlineForm.texts.en.welcome': 'Write the form welcome text in English.',
    });
    expect(!result.ok && result.message).toBe('4 fields need attention.');
  });

  it('does not ask for the form’s texts, nor its emails, while offline mode is off', () => {
    const result = validateConfiguration(
      input({
        settings: {
          ...DEFAULT_STORE_SETTINGS,
          offlineMode: false,
          notificationEmail: '',
          senderName: '',
          senderEmail: '',
        },
        appearance: { ...appearance, offlineForm: { ...appearance.offlineForm, texts: {} } },
      }),
    );
    expect(fieldsOf(result)).toEqual({});
    // But what is typed must still be right.
    const typo = validateConfiguration(
      input({
        settings: { ...DEFAULT_STORE_SETTINGS, offlineMode: false, notificationEmail: 'nope' },
      }),
    );
    expect(Object.keys(fieldsOf(typo))).toEqual(['notificationEmail']);
  });

  it('refuses colors that are not hex, naming each field', () => {
    const result = validateConfiguration(
      input({
        appearance: {
          ...appearance,
          colors: { ...DEFAULT_COLORS, shopperBubble: 'green' },
          launcher: { position: 'top', color: '#12' },
        },
      }),
    );
    expect(fieldsOf(result)).toEqual({
      'colors.shopperBubble': 'Enter a hex color such as #1f6f5c.',
      'launcher.position': 'Choose bottom right or bottom left.',
      'launcher.color': 'Enter a hex color such as #1f6f5c.',
    });
  });

  it('warns, without refusing, when text would be hard to read on its background', () => {
    const result = validateConfiguration(
      input({
        appearance: {
          ...appearance,
          colors: { ...DEFAULT_COLORS, headerBackground: '#ffffff', headerText: '#777777' },
          launcher: { position: 'bottom-left', color: '#f5f5f5' },
        },
      }),
    );
    expect(result.ok).toBe(true);
    expect(result.warnings['colors.headerText']).toBe(
      'Hard to read: the header text has a contrast of 4.47:1 with its background; aim for at least 4.5:1.',
    );
    expect(result.warnings['launcher.color']).toMatch(/white chat icon .* aim for at least 3:1/);
    expect(Object.keys(result.warnings)).toHaveLength(2);
  });

  it('keeps the default language among the store’s languages, and languages as codes', () => {
    const wrongDefault = validateConfiguration(
      input({ appearance: { ...appearance, defaultLanguage: 'de' } }),
    );
    expect(fieldsOf(wrongDefault)).toEqual({
      defaultLanguage: "The default language must be one of the store's languages.",
    });
    const none = validateConfiguration(input({ appearance: { ...appearance, languages: [] } }));
    expect(fieldsOf(none).languages).toBe('Choose at least one language for your texts.');
    const twice = validateConfiguration(
      input({ appearance: { ...appearance, languages: ['en', 'fr', 'fr-CA'] } }),
    );
    expect(fieldsOf(twice).languages).toMatch(/listed once/);
  });

  it('asks for the automatic response in every language once it is on', () => {
    const result = validateConfiguration(
      input({ autoReply: { enabled: true, texts: { en: 'Thanks! We will be right with you.' } } }),
    );
    expect(fieldsOf(result)).toEqual({
      'autoReply.texts.fr': 'Write the automatic response in French, or turn it off.',
    });
    const off = validateConfiguration(input({ autoReply: { enabled: false, texts: { en: 'x' } } }));
    expect(off.ok && off.value.autoReply).toEqual({ enabled: false, texts: { en: 'x' } });
  });

  it('merges its errors with the store settings’ own, all at once', () => {
    const result = validateConfiguration(
      input({
        settings: { ...DEFAULT_STORE_SETTINGS, maxConcurrentChats: 0 },
        appearance: { ...appearance, colors: { ...DEFAULT_COLORS, headerText: '' } },
      }),
    );
    expect(Object.keys(fieldsOf(result)).sort()).toEqual([
      'colors.headerText',
      'maxConcurrentChats',
      'notificationEmail',
      'senderEmail',
      'senderName',
    ]);
  });
});

describe('what a saved configuration becomes', () => {
  it('the public widget document carries the texts, colors, launcher and form fields', () => {
    const result = validateConfiguration(input());
    if (!result.ok) throw new Error(result.message);
    const widget = widgetSettingsOf(result.value, 'Maison Lumière');
    expect(widget).toMatchObject({
      storeName: 'Maison Lumière',
      defaultLanguage: 'en',
      texts: appearance.texts,
      offlineForm: { colors: appearance.offlineForm.colors },
    });
    expect(widget.offlineForm.fields).toEqual(DEFAULT_STORE_SETTINGS.contactFields);
  });

  it('the automatic response speaks the conversation’s language, else the store default', () => {
    const autoReply = { enabled: true, texts: { en: 'Hi!', fr: 'Salut !' } };
    expect(autoReplyText(autoReply, 'fr', 'en')).toBe('Salut !');
    expect(autoReplyText(autoReply, 'de', 'en')).toBe('Hi!');
    expect(autoReplyText({ ...autoReply, enabled: false }, 'fr', 'en')).toBeNull();
    expect(autoReplyText(undefined, 'fr', 'en')).toBeNull();
  });
});
