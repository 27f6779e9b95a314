/**
 * `GET /api/availability?store={storeId}` (through Hosting): what the loader needs to
 * decide whether to show a launcher, without the Firebase SDK on the store page.
 * Answers are cached in memory and by CDNs for a few seconds, so a busy store costs about
 * one Firestore read per instance per cache period, not one per page view.
 */
import { errorBody, validateStoreId, type AvailabilityResponse } from '@comptoir/core';
import { onRequest } from 'firebase-functions/v2/https';
import { AVAILABILITY_CACHE_SECONDS } from '../config';
import { availabilityRef } from '../data/refs';
import { availabilityResponse } from '../domain/availability';
import * as log from '../logs';

const cache = new Map<string, { expiresAt: number; body: AvailabilityResponse }>();

export const availability = onRequest({ cors: true }, async (req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.set('Allow', 'GET, HEAD');
    res.status(405).json(errorBody('method-not-allowed', 'Use GET.'));
    return;
  }
  const storeId = validateStoreId(req.query.store);
  if (!storeId.ok) {
    log.availabilityRefused(storeId.code, req.query.store);
    res.status(400).json(errorBody(storeId.code, storeId.message));
    return;
  }
  const now = Date.now();
  let entry = cache.get(storeId.value);
  if (!entry || entry.expiresAt <= now) {
    const snapshot = await availabilityRef(storeId.value).get();
    if (!snapshot.exists) {
      log.availabilityRefused('store-not-found', storeId.value);
      res
        .status(404)
        .json(errorBody('store-not-found', 'This store does not exist or has no chat.'));
      return;
    }
    entry = {
      expiresAt: now + AVAILABILITY_CACHE_SECONDS * 1000,
      body: availabilityResponse(storeId.value, snapshot.data(), now),
    };
    cache.set(storeId.value, entry);
  }
  res.set(
    'Cache-Control',
    `public, max-age=${AVAILABILITY_CACHE_SECONDS}, s-maxage=${AVAILABILITY_CACHE_SECONDS}`,
  );
  res.status(200).json(entry.body);
});
