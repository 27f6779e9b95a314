/**
 * `saveStoreSettings({ storeId, settings, appearance?, autoReply? })`: the console's
 * Settings page. Validated with the same rules the page runs, answered field by field, and
 * written in one batch (the private settings, the languages, the automatic response and
 * the public widget document together), so nothing is saved half-way. Without
 * `appearance` only the store settings and the form's fields are written (older callers).
 */
import {
  validateConfiguration,
  validateStoreId,
  validateStoreSettings,
  widgetSettingsOf,
} from '@comptoir/core';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { operatorUid } from '../auth';
import { db } from '../config';
import { refreshAvailability } from '../data/availability';
import { storeRef, widgetSettingsRef } from '../data/refs';
import { refuse, required } from '../errors';
import * as log from '../logs';

function invalid(result: { message: string; code: string; fields: Record<string, string> }) {
  return new HttpsError('invalid-argument', result.message, {
    code: result.code,
    fields: result.fields,
  });
}

export const saveStoreSettings = onCall<unknown, Promise<{ ok: true }>>(async (request) => {
  const input = (request.data ?? {}) as Record<string, unknown>;
  const storeId = required(validateStoreId(input.storeId));
  await operatorUid(request, storeId);
  const full = input.appearance !== undefined;
  const configuration = full ? validateConfiguration(input) : null;
  if (configuration && !configuration.ok) throw invalid(configuration);
  const settings = configuration?.ok
    ? { ok: true as const, value: configuration.value.settings }
    : validateStoreSettings(input.settings);
  if (!settings.ok) throw invalid(settings);
  const store = await storeRef(storeId).get();
  if (!store.exists) return refuse('not-found', 'store-not-found', 'This store does not exist.');

  const batch = db.batch();
  if (configuration?.ok) {
    const { appearance, autoReply } = configuration.value;
    batch.update(storeRef(storeId), {
      ...settings.value,
      languages: appearance.languages,
      defaultLanguage: appearance.defaultLanguage,
      autoReply,
    });
    const widget = {
      ...widgetSettingsOf(configuration.value, store.data()?.name ?? ''),
      emailCapture: settings.value.emailCapture,
    };
    // Only what this page edits is replaced, each field whole (a language the store dropped
    // leaves no texts behind); the store's name and anything else in the document stay.
    batch.set(widgetSettingsRef(storeId), widget, {
      mergeFields: [
        'emailCapture',
        'defaultLanguage',
        'texts',
        'colors',
        'launcher',
        'offlineForm.texts',
        'offlineForm.colors',
        'offlineForm.fields',
      ],
    });
  } else {
    batch.update(storeRef(storeId), { ...settings.value });
    batch.set(
      widgetSettingsRef(storeId),
      {
        offlineForm: { fields: settings.value.contactFields },
        emailCapture: settings.value.emailCapture,
      } as never,
      { merge: true },
    );
  }
  await batch.commit();
  log.settingsSaved(storeId, full);
  // The launcher's look is copied into the availability document the loader reads.
  await refreshAvailability(storeId);
  return { ok: true };
});
