/**
 * Validation of the whole Settings page: the store's settings, the widget's look and
 * texts per language, and the automatic first response. The console runs it as the
 * merchant types (errors block Save, warnings only advise), and `saveStoreSettings` runs
 * it again before writing everything in one batch.
 */
import { contrastRatio, formatRatio, MIN_GRAPHIC_CONTRAST, MIN_TEXT_CONTRAST } from './colors';
import { normalizeHexColor } from './colors';
import { validateStoreSettings, type FormResult } from './forms';
import type {
  AutoReply,
  Language,
  LauncherPosition,
  OfflineFormColors,
  StoreSettings,
  WidgetColors,
  WidgetSettings,
  WidgetTexts,
} from './types';
import { primaryLanguage } from './validation';

/** What the merchant edits of `stores/{id}/public/widget`, plus the store's languages. */
export interface WidgetAppearance {
  /** Languages the store writes its texts in; every one needs every text. */
  languages: Language[];
  /** Shown when the page's language is not one of the store's. */
  defaultLanguage: Language;
  texts: Record<Language, WidgetTexts>;
  colors: WidgetColors;
  launcher: WidgetSettings['launcher'];
  offlineForm: { texts: Record<Language, WidgetTexts>; colors: OfflineFormColors };
}

/** Everything the Settings page saves at once. */
export interface Configuration {
  settings: StoreSettings;
  appearance: WidgetAppearance;
  autoReply: AutoReply;
}

export type ConfigurationResult = FormResult<Configuration> & {
  /** Advice that does not block saving (hard-to-read colors), keyed like the errors. */
  warnings: Record<string, string>;
};

export const TEXT_LIMITS = { header: 60, welcome: 400, autoReply: 1000, languages: 10 } as const;

export const COLOR_KEYS = [
  'headerBackground',
  'headerText',
  'operatorBubble',
  'operatorText',
  'shopperBubble',
  'shopperText',
] as const satisfies readonly (keyof WidgetColors)[];

export const DEFAULT_COLORS: WidgetColors = {
  headerBackground: '#1f4e46',
  headerText: '#ffffff',
  operatorBubble: '#eef2f1',
  operatorText: '#1b2624',
  shopperBubble: '#1f6f5c',
  shopperText: '#ffffff',
};

export const DEFAULT_LAUNCHER_SETTINGS: WidgetSettings['launcher'] = {
  position: 'bottom-right',
  color: '#1f6f5c',
};

export const DEFAULT_AUTO_REPLY: AutoReply = { enabled: false, texts: {} };

/** Pairs of text and background the widget shows, with where a warning goes. */
const CONTRAST_PAIRS = [
  ['colors.headerText', 'the header text', 'colors', 'headerText', 'headerBackground'],
  ['colors.operatorText', 'your messages', 'colors', 'operatorText', 'operatorBubble'],
  ['colors.shopperText', "the customer's messages", 'colors', 'shopperText', 'shopperBubble'],
  [
    'offlineForm.colors.headerText',
    "the form's header text",
    'offlineForm',
    'headerText',
    'headerBackground',
  ],
] as const;

/** "French" for "fr" (English names: the console speaks English), or the code itself. */
export function languageName(code: string, locale = 'en'): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const record = (input: unknown) =>
  (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
const text = (input: unknown) => (typeof input === 'string' ? input.trim() : '');

function validateLanguages(source: Record<string, unknown>, fields: Record<string, string>) {
  const raw = Array.isArray(source.languages) ? source.languages : [];
  const languages: Language[] = [];
  for (const entry of raw) {
    const code = primaryLanguage(entry);
    if (code && !languages.includes(code)) languages.push(code);
  }
  if (raw.length !== languages.length || languages.length === 0) {
    fields.languages =
      languages.length === 0
        ? 'Choose at least one language for your texts.'
        : 'Each language must be a language code such as en or fr, listed once.';
  } else if (languages.length > TEXT_LIMITS.languages) {
    fields.languages = `Choose at most ${TEXT_LIMITS.languages} languages.`;
  }
  const defaultLanguage = primaryLanguage(source.defaultLanguage) ?? '';
  if (!languages.includes(defaultLanguage)) {
    fields.defaultLanguage = "The default language must be one of the store's languages.";
  }
  return { languages, defaultLanguage };
}

/**
 * Header and welcome text for every store language. A missing one is named with its
 * language, which is the whole point: a French shopper would otherwise see another's.
 */
function validateTexts(
  input: unknown,
  languages: Language[],
  prefix: string,
  what: string,
  fields: Record<string, string>,
): Record<Language, WidgetTexts> {
  const source = record(input);
  const texts: Record<Language, WidgetTexts> = {};
  for (const lang of languages) {
    const entry = record(source[lang]);
    const header = text(entry.header);
    const welcome = text(entry.welcome);
    const name = languageName(lang);
    if (!header) fields[`${prefix}.${lang}.header`] = `Write the ${what} header in ${name}.`;
    else if (header.length > TEXT_LIMITS.header) {
      fields[`${prefix}.${lang}.header`] =
        `Keep the header to ${TEXT_LIMITS.header} characters (it has ${header.length}).`;
    }
    if (!welcome)
      fields[`${prefix}.${lang}.welcome`] = `Write the ${what} welcome text in ${name}.`;
    else if (welcome.length > TEXT_LIMITS.welcome) {
      fields[`${prefix}.${lang}.welcome`] =
        `Keep the welcome text to ${TEXT_LIMITS.welcome} characters (it has ${welcome.length}).`;
    }
    texts[lang] = { header, welcome };
  }
  return texts;
}

function validateColors<K extends string>(
  input: unknown,
  keys: readonly K[],
  prefix: string,
  fields: Record<string, string>,
): Record<K, string> {
  const source = record(input);
  const colors = {} as Record<K, string>;
  for (const key of keys) {
    const color = normalizeHexColor(source[key]);
    if (!color) fields[`${prefix}.${key}`] = 'Enter a hex color such as #1f6f5c.';
    colors[key] = color ?? text(source[key]);
  }
  return colors;
}

/** The widget's look and texts; offline-form texts are required only with offline mode on. */
export function validateAppearance(
  input: unknown,
  { offlineMode }: { offlineMode: boolean },
  fields: Record<string, string>,
): WidgetAppearance {
  const source = record(input);
  const { languages, defaultLanguage } = validateLanguages(source, fields);
  const texts = validateTexts(source.texts, languages, 'texts', 'chat', fields);
  const colors = validateColors(source.colors, COLOR_KEYS, 'colors', fields);
  const launcherSource = record(source.launcher);
  const position = launcherSource.position as LauncherPosition;
  if (position !== 'bottom-right' && position !== 'bottom-left') {
    fields['launcher.position'] = 'Choose bottom right or bottom left.';
  }
  const [launcherColor] = Object.values(
    validateColors(launcherSource, ['color'] as const, 'launcher', fields),
  );
  const offlineSource = record(source.offlineForm);
  // With offline mode off the form is never shown: its texts may stay unfinished.
  const offlineFields = offlineMode ? fields : {};
  const offlineTexts = validateTexts(
    offlineSource.texts,
    languages,
    'offlineForm.texts',
    'form',
    offlineFields,
  );
  const offlineColors = validateColors(
    offlineSource.colors,
    ['headerBackground', 'headerText'] as const,
    'offlineForm.colors',
    fields,
  );
  return {
    languages,
    defaultLanguage,
    texts,
    colors,
    launcher: { position, color: launcherColor! },
    offlineForm: { texts: offlineTexts, colors: offlineColors },
  };
}

/** Hard-to-read color pairs, as advice keyed by the text color's field. */
export function contrastWarnings(appearance: WidgetAppearance): Record<string, string> {
  const warnings: Record<string, string> = {};
  for (const [key, what, group, fore, back] of CONTRAST_PAIRS) {
    const colors = (
      group === 'colors' ? appearance.colors : appearance.offlineForm.colors
    ) as Record<string, string>;
    const [a, b] = [normalizeHexColor(colors[fore]), normalizeHexColor(colors[back])];
    if (!a || !b) continue;
    const ratio = contrastRatio(a, b);
    if (ratio < MIN_TEXT_CONTRAST) {
      warnings[key] =
        `Hard to read: ${what} has a contrast of ${formatRatio(ratio)} with its background; aim for at least ${MIN_TEXT_CONTRAST}:1.`;
    }
  }
  const launcher = normalizeHexColor(appearance.launcher.color);
  if (launcher && contrastRatio(launcher, '#ffffff') < MIN_GRAPHIC_CONTRAST) {
    warnings['launcher.color'] =
      `Hard to see: the white chat icon has a contrast of ${formatRatio(contrastRatio(launcher, '#ffffff'))} on this color; aim for at least ${MIN_GRAPHIC_CONTRAST}:1.`;
  }
  return warnings;
}

/** The automatic first response: when on, a text in every store language. */
export function validateAutoReply(
  input: unknown,
  languages: Language[],
  fields: Record<string, string>,
): AutoReply {
  const source = record(input);
  const enabled = source.enabled === true;
  if (source.enabled !== undefined && typeof source.enabled !== 'boolean') {
    fields['autoReply.enabled'] = 'Choose on or off.';
  }
  const textsSource = record(source.texts);
  const texts: Record<Language, string> = {};
  for (const lang of languages) {
    const value = text(textsSource[lang]);
    if (enabled && !value) {
      fields[`autoReply.texts.${lang}`] =
        `Write the automatic response in ${languageName(lang)}, or turn it off.`;
    } else if (value.length > TEXT_LIMITS.autoReply) {
      fields[`autoReply.texts.${lang}`] =
        `Keep the automatic response to ${TEXT_LIMITS.autoReply} characters (it has ${value.length}).`;
    }
    if (value) texts[lang] = value;
  }
  return { enabled, texts };
}

/** The whole Settings page: every wrong field named at once, plus contrast advice. */
export function validateConfiguration(input: unknown): ConfigurationResult {
  const source = record(input);
  const settingsResult = validateStoreSettings(source.settings);
  const fields: Record<string, string> = settingsResult.ok ? {} : { ...settingsResult.fields };
  const settings = settingsResult.ok
    ? settingsResult.value
    : (record(source.settings) as unknown as StoreSettings);
  const appearance = validateAppearance(
    source.appearance,
    { offlineMode: settings.offlineMode !== false },
    fields,
  );
  const autoReply = validateAutoReply(source.autoReply, appearance.languages, fields);
  const warnings = contrastWarnings(appearance);
  const count = Object.keys(fields).length;
  if (count === 0) return { ok: true, value: { settings, appearance, autoReply }, warnings };
  return {
    ok: false,
    code: 'invalid-fields',
    message: count === 1 ? Object.values(fields)[0]! : `${count} fields need attention.`,
    fields,
    warnings,
  };
}

/** The public widget document a saved configuration produces (the store's name is kept). */
export function widgetSettingsOf(configuration: Configuration, storeName: string): WidgetSettings {
  const { appearance, settings } = configuration;
  return {
    storeName,
    defaultLanguage: appearance.defaultLanguage,
    texts: appearance.texts,
    colors: appearance.colors,
    launcher: appearance.launcher,
    offlineForm: {
      texts: appearance.offlineForm.texts,
      colors: appearance.offlineForm.colors,
      fields: settings.contactFields,
    },
  };
}

/** The text an automatic response is sent in: the conversation's language, else the default. */
export function autoReplyText(
  autoReply: AutoReply | undefined,
  language: string,
  defaultLanguage: string,
): string | null {
  if (!autoReply?.enabled) return null;
  return autoReply.texts[language] || autoReply.texts[defaultLanguage] || null;
}
