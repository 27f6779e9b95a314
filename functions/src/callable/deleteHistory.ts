/**
 * `deleteHistory({ storeId, rowIds })`: an operator deletes history rows for good, with
 * their conversations and every message in them (1 to 50 rows per call, the History
 * page's selection). Deleting rows already gone succeeds and changes nothing.
 */
import { validateHistoryRowIds, validateStoreId } from '@comptoir/core';
import { onCall } from 'firebase-functions/v2/https';
import { operatorUid } from '../auth';
import { deleteHistoryRows, type DeleteHistoryResult } from '../archive/deleteHistoryRows';
import { required } from '../errors';
import * as log from '../logs';

export const deleteHistory = onCall<unknown, Promise<DeleteHistoryResult>>(async (request) => {
  const input = (request.data ?? {}) as Record<string, unknown>;
  const storeId = required(validateStoreId(input.storeId));
  const rowIds = required(validateHistoryRowIds(input.rowIds));
  await operatorUid(request, storeId);
  const deleted = await deleteHistoryRows(storeId, rowIds);
  log.historyDeleted(storeId, deleted);
  return deleted;
});
