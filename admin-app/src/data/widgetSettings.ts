/**
 * The public widget document (`stores/{storeId}/public/widget`): what shoppers see. The
 * console reads it to fill the Settings page; it is written only by `saveStoreSettings`.
 */
import { doc } from 'firebase/firestore';
import {
  DEFAULT_COLORS,
  DEFAULT_LAUNCHER_SETTINGS,
  widgetSettingsPath,
  type Store,
  type WidgetAppearance,
  type WidgetSettings,
  type WidgetTexts,
} from '@comptoir/core';
import { db } from '../firebase';
import { withStoreId, type InStore } from './converter';

export type WidgetSettingsDoc = InStore<WidgetSettings>;

export const widgetSettingsRef = (storeId: string) =>
  doc(db, widgetSettingsPath(storeId)).withConverter(withStoreId<WidgetSettings>());

const textsFor = (languages: string[], texts: Record<string, WidgetTexts> | undefined) =>
  Object.fromEntries(
    languages.map((lang) => [
      lang,
      { header: texts?.[lang]?.header ?? '', welcome: texts?.[lang]?.welcome ?? '' },
    ]),
  );

/**
 * The saved look and texts, over the defaults: older stores lack the form's colors (they
 * used the chat's header colors) and may list languages only through their texts.
 */
export function appearanceOf(
  widget: Partial<WidgetSettings> | null | undefined,
  store: Partial<Store> | null | undefined,
): WidgetAppearance {
  const languages = store?.languages?.length
    ? [...store.languages]
    : Object.keys(widget?.texts ?? {}).length
      ? Object.keys(widget!.texts!)
      : ['en'];
  const defaultLanguage =
    [store?.defaultLanguage, widget?.defaultLanguage].find(
      (lang): lang is string => !!lang && languages.includes(lang),
    ) ?? languages[0]!;
  const colors = { ...DEFAULT_COLORS, ...widget?.colors };
  return {
    languages,
    defaultLanguage,
    texts: textsFor(languages, widget?.texts),
    colors,
    launcher: { ...DEFAULT_LAUNCHER_SETTINGS, ...widget?.launcher },
    offlineForm: {
      texts: textsFor(languages, widget?.offlineForm?.texts),
      colors: widget?.offlineForm?.colors ?? {
        headerBackground: colors.headerBackground,
        headerText: colors.headerText,
      },
    },
  };
}
