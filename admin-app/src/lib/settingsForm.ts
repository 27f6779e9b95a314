/**
 * The Settings page's form state, shared by its sections and the live preview through
 * provide/inject: the draft, what is wrong with it (errors block Save, warnings only
 * advise), the language being edited, and saving it all at once.
 */
import { computed, inject, nextTick, provide, ref, watch, type InjectionKey } from 'vue';
import {
  autoReplyText,
  normalizeHexColor,
  validateConfiguration,
  type PreviewView,
  type WidgetSettings,
} from '@comptoir/core';
import { toConfigurationDraft, useSettingsStore, type ConfigurationDraft } from '../stores/settings';
import { useSessionStore } from '../stores/session';

/** An element id from a field name: `texts.fr.header` → `settings-texts-fr-header`. */
export const fieldId = (name: string) => `settings-${name.replace(/\./g, '-')}`;

/** Field names whose problems are about one language's texts, by language. */
const TEXT_FIELD = /^(?:texts|offlineForm\.texts|autoReply\.texts)\.([a-z]{2,3})\b/;

function createSettingsForm() {
  const settings = useSettingsStore();
  const session = useSessionStore();

  const baseline = ref<ConfigurationDraft>(toConfigurationDraft(settings.savedConfiguration));
  const draft = ref<ConfigurationDraft>(toConfigurationDraft(settings.savedConfiguration));
  const dirty = computed(() => JSON.stringify(draft.value) !== JSON.stringify(baseline.value));

  // Someone else may save meanwhile (another tab, another owner): follow them unless the
  // operator is in the middle of an edit, which must never be overwritten under them.
  watch(
    () => JSON.stringify(settings.savedConfiguration),
    () => {
      if (!dirty.value) draft.value = toConfigurationDraft(settings.savedConfiguration);
      baseline.value = toConfigurationDraft(settings.savedConfiguration);
    },
  );

  const validation = computed(() => validateConfiguration(draft.value));
  /** Errors show once a field has been left, and all of them after a refused Save. */
  const touched = ref(new Set<string>());
  const submitted = ref(false);
  const serverErrors = ref<Record<string, string>>({});
  const errors = computed<Record<string, string>>(() => {
    const live = validation.value.ok ? {} : validation.value.fields;
    const shown = submitted.value
      ? { ...live }
      : Object.fromEntries(Object.entries(live).filter(([name]) => touched.value.has(name)));
    return { ...serverErrors.value, ...shown };
  });
  const warnings = computed(() => validation.value.warnings);

  /** Texts still to write, per language: shown on the language tabs from the start. */
  const missingByLanguage = computed(() => {
    const counts: Record<string, number> = {};
    if (validation.value.ok) return counts;
    for (const name of Object.keys(validation.value.fields)) {
      const lang = TEXT_FIELD.exec(name)?.[1];
      if (lang) counts[lang] = (counts[lang] ?? 0) + 1;
    }
    return counts;
  });

  const summary = ref('');
  const status = ref('');
  watch(
    draft,
    () => {
      if (dirty.value) status.value = '';
      serverErrors.value = {};
      if (validation.value.ok) summary.value = '';
    },
    { deep: true },
  );

  const editingLanguage = ref(draft.value.appearance.defaultLanguage);
  watch(
    () => draft.value.appearance.languages,
    (languages) => {
      if (!languages.includes(editingLanguage.value)) {
        editingLanguage.value = draft.value.appearance.defaultLanguage;
      }
    },
    { deep: true },
  );
  const previewView = ref<PreviewView>('chat');
  watch(
    () => draft.value.settings.offlineMode,
    (on) => {
      if (!on) previewView.value = 'chat';
    },
  );

  function touch(name: string | null | undefined) {
    if (name && !touched.value.has(name)) touched.value = new Set(touched.value).add(name);
  }

  const form = ref<HTMLFormElement | null>(null);

  /** Takes the operator to the first field to fix, top to bottom. */
  async function focusFirstError() {
    await nextTick();
    const first = form.value?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!first) return;
    // A text in another language: switch its tabs there first.
    const lang = first.dataset.lang;
    if (lang && lang !== editingLanguage.value) {
      editingLanguage.value = lang;
      await nextTick();
      return focusFirstError();
    }
    (first.matches('fieldset') ? first.querySelector<HTMLElement>('input') : first)?.focus();
  }

  /** The first language with a missing text, so a refused Save shows where to write. */
  function showFirstMissingLanguage() {
    const [first] = Object.keys(missingByLanguage.value);
    if (first && !missingByLanguage.value[editingLanguage.value]) editingLanguage.value = first;
  }

  async function submit() {
    status.value = '';
    const outcome = await settings.saveConfiguration(draft.value);
    if (outcome.ok) {
      submitted.value = false;
      touched.value = new Set();
      summary.value = '';
      draft.value = toConfigurationDraft(outcome.value);
      baseline.value = toConfigurationDraft(outcome.value);
      status.value = 'Settings saved';
      return;
    }
    submitted.value = true;
    serverErrors.value = outcome.fields;
    summary.value = outcome.message;
    showFirstMissingLanguage();
    void focusFirstError();
  }

  function discard() {
    draft.value = toConfigurationDraft(baseline.value);
    submitted.value = false;
    touched.value = new Set();
    summary.value = '';
    status.value = '';
  }

  /** Help first, then the error, then the warning: read in the order a person needs them. */
  function describedBy(name: string, help = false) {
    const id = fieldId(name);
    return (
      [
        help ? `${id}-help` : '',
        errors.value[name] ? `${id}-error` : '',
        warnings.value[name] ? `${id}-warning` : '',
      ]
        .filter(Boolean)
        .join(' ') || undefined
    );
  }

  function addLanguage(code: string) {
    const a = draft.value.appearance;
    if (a.languages.includes(code)) return;
    a.languages.push(code);
    a.texts[code] = { header: '', welcome: '' };
    a.offlineForm.texts[code] = { header: '', welcome: '' };
    draft.value.autoReply.texts[code] = '';
    editingLanguage.value = code;
  }

  function removeLanguage(code: string) {
    const a = draft.value.appearance;
    if (code === a.defaultLanguage || a.languages.length === 1) return;
    a.languages = a.languages.filter((lang) => lang !== code);
    delete a.texts[code];
    delete a.offlineForm.texts[code];
    delete draft.value.autoReply.texts[code];
  }

  /**
   * What the preview renders: the draft as the widget document it will become. A color
   * being typed (not yet valid hex) keeps its saved value, so the preview never breaks.
   */
  const previewSettings = computed<WidgetSettings>(() => {
    const a = draft.value.appearance;
    const saved = baseline.value.appearance;
    const color = <T extends Record<string, string>>(edited: T, fallback: T): T =>
      Object.fromEntries(
        Object.entries(edited).map(([key, value]) => [
          key,
          normalizeHexColor(value) ?? fallback[key] ?? '#000000',
        ]),
      ) as T;
    return {
      storeName: session.storeName,
      defaultLanguage: a.defaultLanguage,
      texts: a.texts,
      colors: color(a.colors, saved.colors),
      launcher: {
        position: a.launcher.position,
        color: normalizeHexColor(a.launcher.color) ?? saved.launcher.color,
      },
      offlineForm: {
        texts: a.offlineForm.texts,
        colors: color(a.offlineForm.colors, saved.offlineForm.colors),
        fields: draft.value.settings.contactFields,
      },
    };
  });
  const previewAutoReply = computed(() =>
    autoReplyText(
      draft.value.autoReply,
      editingLanguage.value,
      draft.value.appearance.defaultLanguage,
    ),
  );

  return {
    form,
    draft,
    dirty,
    errors,
    warnings,
    missingByLanguage,
    summary,
    status,
    saving: computed(() => settings.saving),
    editingLanguage,
    previewView,
    previewSettings,
    previewAutoReply,
    touch,
    submit,
    discard,
    describedBy,
    addLanguage,
    removeLanguage,
  };
}

export type SettingsForm = ReturnType<typeof createSettingsForm>;
const KEY: InjectionKey<SettingsForm> = Symbol('settingsForm');

/** Creates the page's form state and hands it to every section below. */
export function provideSettingsForm(): SettingsForm {
  const form = createSettingsForm();
  provide(KEY, form);
  return form;
}

export function useSettingsForm(): SettingsForm {
  const form = inject(KEY);
  if (!form) throw new Error('useSettingsForm() outside of the Settings page');
  return form;
}
