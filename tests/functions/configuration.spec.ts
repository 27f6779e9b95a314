import { getFirestore } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  availabilityPath,
  conversationPath,
  memberPath,
  messagesPath,
  storePath,
  widgetSettingsPath,
  type WidgetAppearance,
} from '@comptoir/core';
import { DEMO_SETTINGS, DEMO_WIDGET, seedMerchant, seedStore } from '../../scripts/lib/seed.mjs';
import {
  call,
  eventually,
  merchantFor,
  operatorClient,
  refusal,
  shopperClient,
  uniqueStoreId,
  type Client,
} from '../support/emulators';
import { addDoc, collection, serverTimestamp } from 'firebase/firestore';

const clients: Client[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

const read = async (path: string) => (await getFirestore().doc(path).get()).data();

const appearance: WidgetAppearance = {
  languages: ['en', 'fr', 'de'],
  defaultLanguage: 'fr',
  texts: {
    en: { header: 'Talk to us', welcome: 'Hi there!' },
    fr: { header: 'Parlons-en', welcome: 'Bonjour !' },
    de: { header: 'Sprechen Sie mit uns', welcome: 'Hallo!' },
  },
  colors: {
    headerBackground: '#222244',
    headerText: '#FFFFFF',
    operatorBubble: '#f0f0f0',
    operatorText: '#111111',
    shopperBubble: '#aa3355',
    shopperText: '#ffffff',
  },
  launcher: { position: 'bottom-left', color: '#aa3355' },
  offlineForm: {
    texts: {
      en: { header: 'Write to us', welcome: 'We answer by email.' },
      fr: { header: 'Écrivez-nous', welcome: 'Nous répondons par e-mail.' },
      de: { header: 'Schreiben Sie uns', welcome: 'Wir antworten per E-Mail.' },
    },
    colors: { headerBackground: '#333333', headerText: '#ffffff' },
  },
};

const configuration = (overrides: Record<string, unknown> = {}) => ({
  settings: { ...DEMO_SETTINGS },
  appearance,
  autoReply: { enabled: false, texts: {} },
  ...overrides,
});

describe('saving the whole Settings page (saveStoreSettings with appearance)', () => {
  const storeId = uniqueStoreId('config');
  let operator: Client;

  beforeAll(async () => {
    await seedStore(storeId);
    const merchant = merchantFor(storeId);
    await seedMerchant(storeId, merchant);
    operator = await operatorClient(merchant);
    clients.push(operator);
  });

  it('writes the texts per language, colors, launcher and languages where the widget and loader read them', async () => {
    await call(operator, 'saveStoreSettings', { storeId, ...configuration() });
    const widget = await read(widgetSettingsPath(storeId));
    expect(widget).toMatchObject({
      storeName: DEMO_WIDGET.storeName,
      defaultLanguage: 'fr',
      texts: appearance.texts,
      colors: { ...appearance.colors, headerText: '#ffffff' },
      launcher: appearance.launcher,
      offlineForm: {
        texts: appearance.offlineForm.texts,
        colors: appearance.offlineForm.colors,
        fields: DEMO_SETTINGS.contactFields,
      },
    });
    expect(await read(storePath(storeId))).toMatchObject({
      languages: ['en', 'fr', 'de'],
      defaultLanguage: 'fr',
      autoReply: { enabled: false, texts: {} },
    });
    // The loader's one request gets the new launcher without reading the widget document.
    expect((await read(availabilityPath(storeId)))?.launcher).toEqual(appearance.launcher);
  });

  it('drops the texts of a language the store no longer uses', async () => {
    const { de: _de, ...texts } = appearance.texts;
    const { de: _form, ...formTexts } = appearance.offlineForm.texts;
    await call(operator, 'saveStoreSettings', {
      storeId,
      ...configuration({
        appearance: {
          ...appearance,
          languages: ['en', 'fr'],
          texts,
          offlineForm: { ...appearance.offlineForm, texts: formTexts },
        },
      }),
    });
    const widget = await read(widgetSettingsPath(storeId));
    expect(Object.keys(widget!.texts).sort()).toEqual(['en', 'fr']);
    expect(Object.keys(widget!.offlineForm.texts).sort()).toEqual(['en', 'fr']);
  });

  it('refuses a missing translation field by field and writes nothing at all', async () => {
    const before = await read(widgetSettingsPath(storeId));
    const storeBefore = await read(storePath(storeId));
    const answer = await refusal(
      call(operator, 'saveStoreSettings', {
        storeId,
        ...configuration({
          settings: { ...DEMO_SETTINGS, maxConcurrentChats: 9 },
          appearance: {
            ...appearance,
            colors: { ...appearance.colors, headerBackground: 'navy' },
            texts: { ...appearance.texts, de: { header: '', welcome: 'Hallo!' } },
          },
        }),
      }),
    );
    expect(answer).toMatchObject({
      status: 'functions/invalid-argument',
      code: 'invalid-fields',
      message: expect.stringContaining('2 fields need attention.'),
      details: {
        fields: {
          'texts.de.header': 'Write the chat header in German.',
          'colors.headerBackground': 'Enter a hex color such as #1f6f5c.',
        },
      },
    });
    expect(await read(widgetSettingsPath(storeId))).toEqual(before);
    expect((await read(storePath(storeId)))?.maxConcurrentChats).toBe(
      storeBefore?.maxConcurrentChats,
    );
  });

  it('only operators of the store may save it', async () => {
    const shopper = await shopperClient();
    clients.push(shopper);
    const other = uniqueStoreId('other');
    await seedStore(other);
    const outsider = merchantFor(other);
    await seedMerchant(other, outsider);
    const otherOperator = await operatorClient(outsider);
    clients.push(otherOperator);
    for (const caller of [shopper, otherOperator]) {
      expect(
        await refusal(call(caller, 'saveStoreSettings', { storeId, ...configuration() })),
      ).toMatchObject({ status: 'functions/permission-denied', code: 'not-a-member' });
    }
  });
});

describe('the automatic first response', () => {
  const storeId = uniqueStoreId('autoreply');
  let operator: Client;

  beforeAll(async () => {
    await seedStore(storeId);
    const merchant = merchantFor(storeId);
    await seedMerchant(storeId, merchant);
    operator = await operatorClient(merchant);
    clients.push(operator);
    await call(operator, 'setOperatorStatus', { storeId, online: true });
    await call(operator, 'saveStoreSettings', {
      storeId,
      ...configuration({
        appearance: { ...appearance, defaultLanguage: 'en' },
        autoReply: {
          enabled: true,
          texts: {
            en: 'Thanks! An adviser will be with you shortly.',
            fr: 'Merci ! Un conseiller vous répond dans un instant.',
            de: 'Danke! Gleich ist jemand für Sie da.',
          },
        },
      }),
    });
  });

  async function shopperWrites(language: string, texts: string[]) {
    const shopper = await shopperClient();
    clients.push(shopper);
    const { conversationId } = await call<{ conversationId: string }>(
      shopper,
      'startConversation',
      { storeId, language },
    );
    for (const text of texts) {
      await addDoc(collection(shopper.db, messagesPath(storeId, conversationId)), {
        author: 'shopper',
        authorUid: shopper.uid,
        text,
        createdAt: serverTimestamp(),
      });
    }
    return conversationId;
  }

  const thread = async (conversationId: string) =>
    (
      await getFirestore()
        .collection(messagesPath(storeId, conversationId))
        .orderBy('createdAt')
        .get()
    ).docs.map((d) => d.data());

  it('answers the first message once, in the shopper’s language, under the store’s name', async () => {
    const conversationId = await shopperWrites('fr', ['Bonjour', 'Vous êtes là ?', 'Allô ?']);
    const messages = await eventually(
      () => thread(conversationId),
      (list) => list.some((m) => m.automatic),
    );
    // Give a duplicate a chance to appear: there must still be exactly one.
    await new Promise((r) => setTimeout(r, 1500));
    const automatic = (await thread(conversationId)).filter((m) => m.automatic);
    expect(automatic).toHaveLength(1);
    expect(automatic[0]).toMatchObject({
      author: 'operator',
      authorName: DEMO_WIDGET.storeName,
      text: 'Merci ! Un conseiller vous répond dans un instant.',
    });
    expect(messages[0]).toMatchObject({ author: 'shopper', text: 'Bonjour' });
  });

  it('falls back to the store’s default language for a language it does not write', async () => {
    const conversationId = await shopperWrites('es', ['Hola']);
    const messages = await eventually(
      () => thread(conversationId),
      (list) => list.some((m) => m.automatic),
    );
    expect(messages.find((m) => m.automatic)?.text).toBe(
      'Thanks! An adviser will be with you shortly.',
    );
  });

  it('stays silent once an operator has answered, and the conversation says when that was', async () => {
    const shopper = await shopperClient();
    clients.push(shopper);
    const { conversationId } = await call<{ conversationId: string }>(
      shopper,
      'startConversation',
      { storeId, language: 'en' },
    );
    // The operator speaks first (as from a cart event or a shared discount)...
    const uid = operator.auth.currentUser!.uid;
    const member = (await getFirestore().doc(memberPath(storeId, uid)).get()).data()!;
    await addDoc(collection(operator.db, messagesPath(storeId, conversationId)), {
      author: 'operator',
      authorUid: uid,
      authorName: member.displayName,
      text: 'Hello! Can I help you choose a lamp?',
      createdAt: serverTimestamp(),
    });
    const answered = await eventually(
      () => read(conversationPath(storeId, conversationId)),
      (c) => c?.answeredAt != null,
    );
    expect(answered!.answeredAt.toMillis()).toBeGreaterThan(0);
    // ...so the shopper's reply gets no automatic response.
    await addDoc(collection(shopper.db, messagesPath(storeId, conversationId)), {
      author: 'shopper',
      authorUid: shopper.uid,
      text: 'Yes please',
      createdAt: serverTimestamp(),
    });
    await eventually(
      async () => (await read(conversationPath(storeId, conversationId)))?.lastMessage,
      (last) => last?.text === 'Yes please',
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect((await thread(conversationId)).map((m) => m.author)).toEqual(['operator', 'shopper']);
  });

  it('stays silent when it is turned off', async () => {
    await call(operator, 'saveStoreSettings', {
      storeId,
      ...configuration({ appearance: { ...appearance, defaultLanguage: 'en' } }),
    });
    const conversationId = await shopperWrites('en', ['Hello?']);
    // The summary trigger runs on the same event: once it has, the auto reply would have too.
    await eventually(
      async () => (await read(conversationPath(storeId, conversationId)))?.lastMessage,
      (last) => last?.text === 'Hello?',
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect((await thread(conversationId)).map((m) => m.author)).toEqual(['shopper']);
  });
});
