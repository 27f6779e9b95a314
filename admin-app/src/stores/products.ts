/**
 * The store's catalogue as the console sees it: a search over the products (the Products
 * page and the composer's picker each run their own), the file import and sharing cards.
 */
import { computed, onScopeDispose, ref, watch, type Ref } from 'vue';
import { acceptHMRUpdate, defineStore } from 'pinia';
import { useCollection } from 'vuefire';
import {
  PRODUCT_LIMITS,
  checkProducts,
  describeProductProblems,
  matchesProductQuery,
  parseProductFile,
  productQueryWords,
  type ProductProblem,
} from '@comptoir/core';
import { describeCallableError } from '../data/callables';
import { importProducts, shareProducts } from '../data/commerceCallables';
import { productsQuery } from '../data/products';
import { useSessionStore } from './session';

export type ImportOutcome =
  | { ok: true; count: number }
  | { ok: false; message: string; problems: ProductProblem[]; imported: number };

/**
 * Products matching what the merchant types, as they type. The query asks Firestore for the
 * longest typed word (the most selective key), and the other words are checked here against
 * each result's keys: one query of at most `max` reads per pause in typing, never the whole
 * catalogue. Nothing is read while `active` is false.
 */
export function useProductSearch(text: Ref<string>, max: number, active: Ref<boolean> = ref(true)) {
  const session = useSessionStore();
  const words = ref<string[]>([]);
  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(
    text,
    (value) => {
      clearTimeout(timer);
      // Debounced: a query per pause, not per key.
      timer = setTimeout(() => (words.value = productQueryWords(value)), 150);
    },
    { immediate: true },
  );
  onScopeDispose(() => clearTimeout(timer));
  const key = computed(() => [...words.value].sort((a, b) => b.length - a.length)[0] ?? null);
  const listRef = useCollection(() =>
    session.storeId && active.value ? productsQuery(session.storeId, key.value, max) : null,
  );
  const products = computed(() =>
    listRef.value.filter(
      (p) => p.storeId === session.storeId && matchesProductQuery(p, words.value),
    ),
  );
  const loading = computed(() => session.storeId !== null && listRef.pending.value);
  const error = computed(() => listRef.error.value ?? null);
  return { products, loading, error, searching: computed(() => words.value.length > 0) };
}

export const useProductsStore = defineStore('products', () => {
  const session = useSessionStore();
  const importing = ref(false);
  const progress = ref<{ done: number; total: number } | null>(null);

  /**
   * Reads and checks the whole file here first (the server runs the same check), so every
   * problem shows before anything is sent; then sends it in batches of 250, each written
   * whole by the server. Importing the same file again updates the products, never doubles
   * them, so a failure half-way is mended by importing the file again.
   */
  async function importFile(file: File): Promise<ImportOutcome> {
    const storeId = session.storeId;
    const refused = (message: string, problems: ProductProblem[] = [], imported = 0) =>
      ({ ok: false, message, problems, imported }) as const;
    if (!storeId) return refused('Your store is still loading.');
    const read = parseProductFile(file.name, await file.text());
    if (!read.ok) return refused(read.message);
    if (read.products.length === 0) return refused('The file holds no products.');
    const { products, problems } = checkProducts(read.products);
    if (problems.length > 0) return refused(describeProductProblems(problems), problems);

    importing.value = true;
    let done = 0;
    progress.value = { done, total: products.length };
    try {
      for (let i = 0; i < products.length; i += PRODUCT_LIMITS.batch) {
        const { count } = await importProducts(
          storeId,
          products.slice(i, i + PRODUCT_LIMITS.batch),
        );
        done += count;
        progress.value = { done, total: products.length };
      }
      return { ok: true, count: done };
    } catch (err) {
      const details = (err as { details?: { problems?: ProductProblem[] } }).details;
      return refused(describeCallableError(err), details?.problems ?? [], done);
    } finally {
      importing.value = false;
      progress.value = null;
    }
  }

  /** Shares 1 to 3 products as one message of cards; resolves with an error message, or ''. */
  async function share(conversationId: string, productIds: string[]): Promise<string> {
    const storeId = session.storeId;
    if (!storeId) return 'Your store is still loading.';
    try {
      await shareProducts(storeId, conversationId, productIds);
      return '';
    } catch (err) {
      return describeCallableError(err);
    }
  }

  return { importing, progress, importFile, share };
});

if (import.meta.hot) {
  import.meta.hot.accept(acceptHMRUpdate(useProductsStore, import.meta.hot));
}
