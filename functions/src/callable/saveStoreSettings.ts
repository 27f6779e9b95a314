/**
 * `saveStoreSettings({ storeId, settings })`: the console's Settings page. Validated with
 * the same rules the page runs, answered field by field, and written in one batch (the
 * private settings and the public form fields together), so nothing is saved half-way.
 */
import { validateStoreSettings, validateStoreId } from '@comptoir/core';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { operatorUid } from '../auth';
import { db } from '../config';
import { refreshAvailability } from '../data/availability';
import { storeRef, widgetSettingsRef } from '../data/refs';
import { refuse, required } from '../errors';

export const saveStoreSettings = onCall<unknown, Promise<{ ok: true }>>(async (request) => {
  const input = (request.data ?? {}) as Record<string, unknown>;
  const storeId = required(validateStoreId(input.storeId));
  await operatorUid(request, storeId);
  const settings = validateStoreSettings(input.settings);
  if (!settings.ok) {
    throw new HttpsError('invalid-argument', settings.message, {
      code: settings.code,
      fields: settings.fields,
    });
  }
  const store = await storeRef(storeId).get();
  if (!store.exists) return refuse('not-found', 'store-not-found', 'This store does not exist.');

  const batch = db.batch();
  batch.update(storeRef(storeId), { ...settings.value });
  batch.set(
    widgetSettingsRef(storeId),
    { offlineForm: { fields: settings.value.contactFields } } as never,
    { merge: true },
  );
  await batch.commit();
  await refreshAvailability(storeId);
  return { ok: true };
});
