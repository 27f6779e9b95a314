/**
 * The store's settings as the Settings page edits them: the saved values (over the
 * defaults) and saving, which validates here first and then asks the server.
 */
import { computed, ref } from 'vue';
import { acceptHMRUpdate, defineStore } from 'pinia';
import { validateStoreSettings, type StoreSettings } from '@comptoir/core';
import { describeCallableError, invalidFieldsOf, saveStoreSettings } from '../data/callables';
import { useSessionStore } from './session';

/** The form's values: the number input yields '' while empty. */
export type SettingsDraft = Omit<StoreSettings, 'maxConcurrentChats'> & {
  maxConcurrentChats: number | '';
};

/**
 * A detached copy for the form to edit, built key by key in one order so that two drafts
 * compare equal as JSON exactly when their values are equal (the unsaved-changes check).
 */
export const toDraft = (s: SettingsDraft): SettingsDraft => ({
  maxConcurrentChats: s.maxConcurrentChats,
  offlineMode: s.offlineMode,
  notificationEmail: s.notificationEmail,
  senderName: s.senderName,
  senderEmail: s.senderEmail,
  contactFields: JSON.parse(JSON.stringify(s.contactFields)),
});

export type SaveOutcome =
  | { ok: true; value: StoreSettings }
  | { ok: false; message: string; fields: Record<string, string> };

export const useSettingsStore = defineStore('settings', () => {
  const session = useSessionStore();

  const saved = computed(() => session.settings);
  const loading = computed(() => session.storeLoading);
  const saving = ref(false);

  /**
   * Nothing is sent while the form is invalid: the same validator runs on the server, so
   * a refusal there would only say later what can be said now, under each field.
   */
  async function save(input: unknown): Promise<SaveOutcome> {
    const result = validateStoreSettings(input);
    if (!result.ok) return { ok: false, message: result.message, fields: result.fields };
    const storeId = session.storeId;
    if (!storeId) return { ok: false, message: 'Your store is still loading.', fields: {} };
    if (saving.value) return { ok: false, message: 'Already saving…', fields: {} };
    saving.value = true;
    try {
      await saveStoreSettings(storeId, result.value);
      // The cleaned values (trimmed), as the server stored them.
      return { ok: true, value: result.value };
    } catch (err) {
      console.error('Could not save the settings', err);
      return {
        ok: false,
        message: describeCallableError(err),
        fields: invalidFieldsOf(err) ?? {},
      };
    } finally {
      saving.value = false;
    }
  }

  return { saved, loading, saving, save };
});

if (import.meta.hot) {
  import.meta.hot.accept(acceptHMRUpdate(useSettingsStore, import.meta.hot));
}
