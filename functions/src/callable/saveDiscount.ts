/**
 * `saveDiscount({ storeId, discount, create })`: the Discounts page creates a code or edits
 * one. Validated with the page's own validator (one message per field); the code is the
 * document id, so creating a code that exists is refused, and editing keeps its usage count.
 */
import { validateDiscount, validateStoreId, type Discount } from '@comptoir/core';
import { Timestamp } from 'firebase-admin/firestore';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { operatorUid } from '../auth';
import { db } from '../config';
import { discountRef } from '../data/commerceRefs';
import { refuse, required } from '../errors';

export const saveDiscount = onCall<unknown, Promise<{ ok: true; code: string }>>(
  async (request) => {
    const input = (request.data ?? {}) as Record<string, unknown>;
    const storeId = required(validateStoreId(input.storeId));
    await operatorUid(request, storeId);
    const result = validateDiscount(input.discount);
    if (!result.ok) {
      throw new HttpsError('invalid-argument', result.message, {
        code: result.code,
        fields: result.fields,
      });
    }
    const d = result.value;
    const create = input.create === true;
    const ref = discountRef(storeId, d.code);
    await db.runTransaction(async (tx) => {
      const current = (await tx.get(ref)).data();
      if (create && current) {
        throw new HttpsError(
          'already-exists',
          `A discount with the code ${d.code} exists already.`,
          {
            code: 'code-taken',
            fields: { code: `${d.code} exists already: choose another code, or edit that one.` },
          },
        );
      }
      if (!create && !current) {
        return refuse('not-found', 'discount-not-found', `There is no discount ${d.code}.`);
      }
      const now = Timestamp.now();
      const saved: Discount = {
        ...d,
        startsAt: d.startsAt === null ? null : Timestamp.fromMillis(d.startsAt),
        endsAt: d.endsAt === null ? null : Timestamp.fromMillis(d.endsAt),
        usageCount: current?.usageCount ?? 0,
        createdAt: current?.createdAt ?? now,
        updatedAt: now,
      };
      tx.set(ref, saved);
    });
    return { ok: true, code: d.code };
  },
);
