/**
 * The store's discount codes: listened to only while someone looks at them (the Discounts
 * page, or the composer's picker while open), saved and shared through the functions.
 */
import { computed, ref } from 'vue';
import { acceptHMRUpdate, defineStore } from 'pinia';
import { useCollection } from 'vuefire';
import { validateDiscount } from '@comptoir/core';
import { describeCallableError, invalidFieldsOf } from '../data/callables';
import { saveDiscount, shareDiscount } from '../data/commerceCallables';
import { discountsQuery } from '../data/discounts';
import { useSessionStore } from './session';

export type SaveOutcome =
  { ok: true; code: string } | { ok: false; message: string; fields: Record<string, string> };

export const useDiscountsStore = defineStore('discounts', () => {
  const session = useSessionStore();

  const listening = ref(0);
  const listRef = useCollection(() =>
    session.storeId && listening.value > 0 ? discountsQuery(session.storeId) : null,
  );
  // VueFire keeps the previous store's list while the next loads: never mix two stores.
  const discounts = computed(() => listRef.value.filter((d) => d.storeId === session.storeId));
  const loading = computed(() => session.storeId !== null && listRef.pending.value);
  const error = computed(() => listRef.error.value ?? null);

  /** Starts the listener; call the returned function to stop it. */
  function watchList(): () => void {
    listening.value += 1;
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      listening.value -= 1;
    };
  }

  const saving = ref(false);

  /** Validates here first (the server runs the same check), then saves. */
  async function save(input: unknown, create: boolean): Promise<SaveOutcome> {
    const result = validateDiscount(input);
    if (!result.ok) return { ok: false, message: result.message, fields: result.fields };
    const storeId = session.storeId;
    if (!storeId) return { ok: false, message: 'Your store is still loading.', fields: {} };
    saving.value = true;
    try {
      await saveDiscount(storeId, result.value, create);
      return { ok: true, code: result.value.code };
    } catch (err) {
      const fields = invalidFieldsOf(err) ?? codeTakenOf(err);
      return { ok: false, message: describeCallableError(err), fields };
    } finally {
      saving.value = false;
    }
  }

  /** Shares a code into a conversation; resolves with an error message, or '' when shared. */
  async function share(conversationId: string, code: string): Promise<string> {
    const storeId = session.storeId;
    if (!storeId) return 'Your store is still loading.';
    try {
      await shareDiscount(storeId, conversationId, code);
      return '';
    } catch (err) {
      return describeCallableError(err);
    }
  }

  return { discounts, loading, error, saving, watchList, save, share };
});

/** A create refused because the code exists: its message goes under the code field. */
function codeTakenOf(err: unknown): Record<string, string> {
  const details = (err as { details?: { code?: string; fields?: Record<string, string> } }).details;
  return details?.code === 'code-taken' && details.fields ? details.fields : {};
}

if (import.meta.hot) {
  import.meta.hot.accept(acceptHMRUpdate(useDiscountsStore, import.meta.hot));
}
