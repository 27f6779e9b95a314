/**
 * The store's settings as the Settings page edits them: the saved values (over the
 * defaults) and saving, which validates here first and then asks the server.
 */
import { computed, ref } from 'vue';
import { acceptHMRUpdate, defineStore } from 'pinia';
import { useDocument } from 'vuefire';
import {
  DEFAULT_AUTO_REPLY,
  validateConfiguration,
  type AutoReply,
  type Configuration,
  type StoreSettings,
  type WidgetAppearance,
} from '@comptoir/core';
import {
  describeCallableError,
  invalidFieldsOf,
  saveConfiguration as saveConfigurationCall,
} from '../data/callables';
import { appearanceOf, widgetSettingsRef } from '../data/widgetSettings';
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
  emailCapture: s.emailCapture,
});

/** Everything the Settings page edits: the store's settings, the widget, the auto reply. */
export interface ConfigurationDraft {
  settings: SettingsDraft;
  appearance: WidgetAppearance;
  autoReply: AutoReply;
}

/**
 * A detached, canonical copy: every map rebuilt in one key order (languages in the store's
 * order), so that two drafts compare equal as JSON exactly when their values are equal,
 * whatever order Firestore returned the maps in.
 */
export function toConfigurationDraft(c: ConfigurationDraft): ConfigurationDraft {
  const { appearance: a, autoReply } = c;
  const texts = (source: WidgetAppearance['texts']) =>
    Object.fromEntries(
      a.languages.map((lang) => [
        lang,
        { header: source[lang]?.header ?? '', welcome: source[lang]?.welcome ?? '' },
      ]),
    );
  return {
    settings: toDraft(c.settings),
    appearance: {
      languages: [...a.languages],
      defaultLanguage: a.defaultLanguage,
      texts: texts(a.texts),
      colors: {
        headerBackground: a.colors.headerBackground,
        headerText: a.colors.headerText,
        operatorBubble: a.colors.operatorBubble,
        operatorText: a.colors.operatorText,
        shopperBubble: a.colors.shopperBubble,
        shopperText: a.colors.shopperText,
      },
      launcher: { position: a.launcher.position, color: a.launcher.color },
      offlineForm: {
        texts: texts(a.offlineForm.texts),
        colors: {
          headerBackground: a.offlineForm.colors.headerBackground,
          headerText: a.offlineForm.colors.headerText,
        },
      },
    },
    autoReply: {
      enabled: autoReply.enabled,
      texts: Object.fromEntries(a.languages.map((lang) => [lang, autoReply.texts[lang] ?? ''])),
    },
  };
}

export type ConfigurationOutcome =
  | { ok: true; value: Configuration }
  | { ok: false; message: string; fields: Record<string, string> };

export const useSettingsStore = defineStore('settings', () => {
  const session = useSessionStore();

  const saved = computed(() => session.settings);
  const saving = ref(false);

  const widgetDocRef = useDocument(() =>
    session.storeId ? widgetSettingsRef(session.storeId) : null,
  );
  // VueFire keeps the previous store's document while the next loads: never mix two stores.
  const widgetDoc = computed(() =>
    widgetDocRef.value?.storeId === session.storeId ? widgetDocRef.value : null,
  );
  const loading = computed(
    () => session.storeLoading || (session.storeId !== null && widgetDocRef.pending.value),
  );
  /** The whole saved configuration, as the Settings page starts from it. */
  const savedConfiguration = computed<ConfigurationDraft>(() =>
    toConfigurationDraft({
      settings: session.settings,
      appearance: appearanceOf(widgetDoc.value, session.storeDoc),
      autoReply: session.storeDoc?.autoReply ?? DEFAULT_AUTO_REPLY,
    }),
  );

  /** Validates here first (same rules as the server), then saves everything in one call. */
  async function saveConfiguration(input: ConfigurationDraft): Promise<ConfigurationOutcome> {
    const result = validateConfiguration(input);
    if (!result.ok) return { ok: false, message: result.message, fields: result.fields };
    const storeId = session.storeId;
    if (!storeId) return { ok: false, message: 'Your store is still loading.', fields: {} };
    if (saving.value) return { ok: false, message: 'Already saving…', fields: {} };
    saving.value = true;
    try {
      await saveConfigurationCall(storeId, result.value);
      return { ok: true, value: result.value };
    } catch (err) {
      console.error('Could not save the settings', err);
      return { ok: false, message: describeCallableError(err), fields: invalidFieldsOf(err) ?? {} };
    } finally {
      saving.value = false;
    }
  }

  return { saved, loading, saving, widgetDoc, savedConfiguration, saveConfiguration };
});

if (import.meta.hot) {
  import.meta.hot.accept(acceptHMRUpdate(useSettingsStore, import.meta.hot));
}
