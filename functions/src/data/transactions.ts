/**
 * Transactions that survive contention. Firestore retries an aborted transaction a few
 * times by itself; under a burst on one document (many shoppers starting at once) that is
 * not always enough, and the caller would get an internal error instead of a definite
 * answer. This retries ABORTED a few more times with jittered backoff.
 */
import type { Transaction } from 'firebase-admin/firestore';
import { db } from '../config';

const ABORTED = 10;
const MAX_ATTEMPTS = 6;

export async function runContendedTransaction<T>(
  body: (tx: Transaction) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.runTransaction(body);
    } catch (error) {
      if ((error as { code?: number }).code !== ABORTED || attempt >= MAX_ATTEMPTS) throw error;
      await new Promise((r) => setTimeout(r, Math.random() * 100 * 2 ** attempt));
    }
  }
}
