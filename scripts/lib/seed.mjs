// Seeds the demo store into the running emulators: a merchant account, the store's
// settings, its operator, the widget's texts and colors, and its availability.
// Idempotent: running it twice leaves the same data.
import { getApps, initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { randomBytes } from 'node:crypto';
import { FieldValue, getFirestore } from 'firebase-admin/firestore';
import { DEMO_PROJECT_ID } from './client-config.mjs';
import { signedRequest } from './signed-request.mjs';

export const DEMO_STORE_ID = 'demo-store';
export const DEMO_MERCHANT = {
  email: 'merchant@comptoir.test',
  password: 'comptoir-demo',
  displayName: 'Camille',
};

/** A second member of the demo store, so the Team page and two-operator chats can be tried. */
export const DEMO_OPERATOR = {
  email: 'operator@comptoir.test',
  password: 'comptoir-demo',
  displayName: 'Bruno',
};

export const DEMO_WIDGET = {
  storeName: 'Maison Lumière',
  defaultLanguage: 'en',
  texts: {
    en: {
      header: 'Chat with Maison Lumière',
      welcome: 'Hello! Questions about a lamp, an order or delivery? We usually answer within minutes.',
    },
    fr: {
      header: 'Discutez avec Maison Lumière',
      welcome:
        'Bonjour ! Une question sur une lampe, une commande ou la livraison ? Nous répondons en général en quelques minutes.',
    },
  },
  colors: {
    headerBackground: '#1f4e46',
    headerText: '#ffffff',
    operatorBubble: '#eef2f1',
    operatorText: '#1b2624',
    shopperBubble: '#1f6f5c',
    shopperText: '#ffffff',
  },
  launcher: { position: 'bottom-right', color: '#1f6f5c' },
  offlineForm: {
    texts: {
      en: {
        header: 'Leave us a message',
        welcome: 'We are away right now. Leave your details and we will answer by email.',
      },
      fr: {
        header: 'Laissez-nous un message',
        welcome: 'Nous sommes absents. Laissez vos coordonnées, nous vous répondrons par e-mail.',
      },
    },
    fields: {
      firstName: { requested: true, required: false },
      lastName: { requested: false, required: false },
      email: { requested: true, required: true },
      phone: { requested: true, required: false },
      message: { requested: true, required: true },
    },
  },
};

/** The demo store's private settings (see StoreSettings in core/src/types.ts). */
export const DEMO_SETTINGS = {
  maxConcurrentChats: 5,
  offlineMode: true,
  notificationEmail: 'owner@maison-lumiere.test',
  senderName: 'Maison Lumière',
  senderEmail: 'chat@maison-lumiere.test',
  contactFields: DEMO_WIDGET.offlineForm.fields,
};

function adminApp() {
  return getApps()[0] ?? initializeApp({ projectId: process.env.GCLOUD_PROJECT ?? DEMO_PROJECT_ID });
}

/** Creates (or updates) an Auth user and makes it an operator of the store. */
export async function seedMerchant(storeId, merchant, role = 'owner') {
  const auth = getAuth(adminApp());
  let user;
  try {
    user = await auth.getUserByEmail(merchant.email);
    await auth.updateUser(user.uid, { password: merchant.password, displayName: merchant.displayName });
  } catch {
    user = await auth.createUser({
      email: merchant.email,
      password: merchant.password,
      displayName: merchant.displayName,
    });
  }
  await getFirestore(adminApp())
    .doc(`stores/${storeId}/members/${user.uid}`)
    .set({ uid: user.uid, role, displayName: merchant.displayName, email: merchant.email });
  return user.uid;
}

/**
 * Writes a store with its settings, public widget settings and availability. Nobody is
 * online after seeding: an operator goes online from the console (setOperatorStatus).
 */
export async function seedStore(storeId, widget = DEMO_WIDGET, settings = {}) {
  const db = getFirestore(adminApp());
  const storeSettings = { ...DEMO_SETTINGS, contactFields: widget.offlineForm.fields, ...settings };
  const batch = db.batch();
  batch.set(
    db.doc(`stores/${storeId}`),
    {
      name: widget.storeName,
      defaultLanguage: widget.defaultLanguage,
      languages: Object.keys(widget.texts),
      createdAt: FieldValue.serverTimestamp(),
      guestCount: 0,
      ongoingCount: 0,
      ...storeSettings,
    },
    { merge: true },
  );
  batch.set(db.doc(`stores/${storeId}/public/widget`), {
    ...widget,
    offlineForm: { ...widget.offlineForm, fields: storeSettings.contactFields },
  });
  // The key the store's server signs customer ids with (rotatable from the console).
  batch.set(
    db.doc(`stores/${storeId}/secrets/identity`),
    { secret: randomBytes(32).toString('hex'), rotatedAt: FieldValue.serverTimestamp() },
    { merge: false },
  );
  // The key the store's server signs its requests with (cart events, orders, products).
  batch.set(db.doc(`stores/${storeId}/secrets/server`), {
    secret: randomBytes(32).toString('hex'),
    rotatedAt: FieldValue.serverTimestamp(),
  });
  batch.set(db.doc(`stores/${storeId}/public/availability`), {
    status: 'offline',
    offlineForm: storeSettings.offlineMode,
    onlineUntil: null,
    launcher: widget.launcher,
    updatedAt: FieldValue.serverTimestamp(),
  });
  await batch.commit();
}

/**
 * The demo's orders, as the store's server would post them to /api/orders: one of each
 * status a shopper asks about, for the demo's signed-in customer (Ada, ?customer=1).
 * "Where is my order?" in the widget finds them by number and email.
 */
export const DEMO_ORDER_EMAIL = 'ada@example.com';
export const DEMO_SHIPPED_ORDER = { number: 'ML-1057', email: DEMO_ORDER_EMAIL };
const DAY = 24 * 60 * 60 * 1000;
export function demoOrders(nowMs = Date.now()) {
  return [
    {
      number: 'ML-1042',
      email: DEMO_ORDER_EMAIL,
      status: 'delivered',
      createdAt: nowMs - 9 * DAY,
      updatedAt: nowMs - 6 * DAY,
      total: 248,
      currency: 'EUR',
      items: [
        { name: 'Opaline table lamp (Sage)', quantity: 1 },
        { name: 'Indigo bedside lamp (Ochre)', quantity: 1 },
      ],
      carrier: 'Colissimo',
      trackingUrl: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A20481632640',
    },
    {
      number: 'ML-1057',
      email: DEMO_ORDER_EMAIL,
      status: 'shipped',
      createdAt: nowMs - 3 * DAY,
      updatedAt: nowMs - 1 * DAY,
      total: 389,
      currency: 'EUR',
      items: [{ name: 'Grand Arc floor lamp in brushed brass with a marble base', quantity: 1 }],
      carrier: 'DPD',
      trackingUrl: 'https://www.dpd.com/fr/fr/suivi-colis/?parcelNumber=250117890043',
    },
    {
      number: 'ML-1063',
      email: DEMO_ORDER_EMAIL,
      status: 'received',
      createdAt: nowMs - 2 * 60 * 60 * 1000,
      updatedAt: nowMs - 2 * 60 * 60 * 1000,
      total: 129,
      currency: 'EUR',
      items: [{ name: 'Opal globe pendant (35 cm)', quantity: 1 }],
      carrier: null,
      trackingUrl: null,
    },
  ];
}

/**
 * Posts orders the way a store's server does: one signed POST /api/orders (see
 * docs/integration.md), so they are normalised and stored by the endpoint itself. Needs the
 * Functions and Hosting emulators up. Idempotent: an order is upserted by its number.
 */
export async function seedOrders(storeId, orders = demoOrders(), { hostingOrigin } = {}) {
  return postSigned('/api/orders', storeId, { orders }, hostingOrigin, 'the demo orders');
}

export async function seedDemo() {
  await seedStore(DEMO_STORE_ID);
  await seedMerchant(DEMO_STORE_ID, DEMO_MERCHANT);
  await seedMerchant(DEMO_STORE_ID, DEMO_OPERATOR, 'operator');
  return {
    storeId: DEMO_STORE_ID,
    merchant: DEMO_MERCHANT,
    operator: DEMO_OPERATOR,
    order: DEMO_SHIPPED_ORDER,
  };
}

/** The store's identity secret, as its server would keep it (for the demo and the tests). */
export async function identitySecretOf(storeId) {
  const snapshot = await getFirestore(adminApp()).doc(`stores/${storeId}/secrets/identity`).get();
  return snapshot.get('secret');
}

/** The store's server secret, as its server would keep it (for the demo and the tests). */
export async function serverSecretOf(storeId) {
  const snapshot = await getFirestore(adminApp()).doc(`stores/${storeId}/secrets/server`).get();
  return snapshot.get('secret');
}

/**
 * The demo store's catalogue (demo-store/catalog.json) as Comptoir products, linking to the
 * demo store's own product pages and images on `storeOrigin`.
 */
export async function demoProducts(storeOrigin = 'http://127.0.0.1:5080') {
  const { readFile } = await import('node:fs/promises');
  const catalog = JSON.parse(
    await readFile(new URL('../../demo-store/catalog.json', import.meta.url), 'utf8'),
  );
  return catalog.products.map((p) => ({
    id: p.id,
    name: p.name,
    price: p.price,
    currency: catalog.currency,
    url: `${storeOrigin}/product.html?id=${encodeURIComponent(p.id)}`,
    imageUrl: `${storeOrigin}${p.image}`,
    description: p.description,
    available: true,
  }));
}

/**
 * Imports the demo catalogue the way a store's server would: one signed POST /api/products
 * (see docs/integration.md), so the seed goes through the same validation as any import.
 * Needs the Functions and Hosting emulators up. Idempotent: products are upserted by id.
 */
export async function seedDemoProducts(storeId, { hostingOrigin, storeOrigin } = {}) {
  const products = await demoProducts(storeOrigin);
  return postSigned('/api/products', storeId, { products }, hostingOrigin, 'the demo products');
}

/** One signed request with the store's server secret; throws with the answer when refused. */
async function postSigned(path, storeId, payload, origin, what) {
  const secret = await serverSecretOf(storeId);
  const response = await signedRequest(path, storeId, secret, JSON.stringify(payload), {
    origin,
  });
  if (!response.ok) {
    throw new Error(`Importing ${what} answered ${response.status}: ${await response.text()}`);
  }
  return response.json();
}
