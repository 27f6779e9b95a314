/** The store document (`stores/{storeId}`): its name, languages and settings. */
import { doc } from 'firebase/firestore';
import {
  CONTACT_FIELDS,
  DEFAULT_STORE_SETTINGS,
  storePath,
  type ContactFieldsSettings,
  type Store,
  type StoreSettings,
} from '@comptoir/core';
import { db } from '../firebase';
import { withId, type WithId } from './converter';

export type StoreDoc = WithId<Store>;

const converter = withId<Store>();

export const storeRef = (storeId: string) => doc(db, storePath(storeId)).withConverter(converter);

/**
 * The settings of a store document, field by field over the defaults: stores created
 * before the Settings page existed lack some or all of them.
 */
export function settingsOf(store: Partial<Store> | null | undefined): StoreSettings {
  const defaults = DEFAULT_STORE_SETTINGS;
  const contactFields = {} as ContactFieldsSettings;
  for (const name of CONTACT_FIELDS) {
    contactFields[name] = { ...defaults.contactFields[name], ...store?.contactFields?.[name] };
  }
  return {
    maxConcurrentChats: store?.maxConcurrentChats ?? defaults.maxConcurrentChats,
    offlineMode: store?.offlineMode ?? defaults.offlineMode,
    notificationEmail: store?.notificationEmail ?? defaults.notificationEmail,
    senderName: store?.senderName ?? defaults.senderName,
    senderEmail: store?.senderEmail ?? defaults.senderEmail,
    contactFields,
    emailCapture: store?.emailCapture ?? defaults.emailCapture,
  };
}
