/**
 * The store's product catalogue: what an import may hold (the signed endpoint, the console's
 * file import and the functions run the same checks, so the console shows every error before
 * sending), the search keys the composer queries, and what a shared product card carries.
 * Pure and shared, like discounts.ts.
 */
import { currencyCode, formatMoney } from './cart';
import { webUrl } from './urls';
import { foldText } from './history';
import type { Product, ProductInput, SharedProduct } from './types';

export const PRODUCT_LIMITS = {
  /** Products per request (endpoint or callable): one Firestore batch, well under its 500. */
  batch: 250,
  id: 100,
  name: 200,
  description: 1000,
  variant: 100,
  url: 2000,
  amount: 10_000_000,
  /**
   * Search keys per product: every beginning of every word of the name (at most one per
   * letter, so a 200-character name never reaches it) and the id.
   */
  searchKeys: 250,
} as const;

/** How many products the merchant may share in one message. */
export const SHARE_PRODUCTS_MAX = 3;

/** Letters, digits and `_ . : -`, not starting with a dot: usable as a Firestore document id. */
const PRODUCT_ID = /^[A-Za-z0-9_:-][A-Za-z0-9_.:-]*$/;

/** A product id as the store gives it (and as shareProducts accepts one). */
export const isProductId = (id: unknown): id is string =>
  typeof id === 'string' && id.length <= PRODUCT_LIMITS.id && PRODUCT_ID.test(id);

/** One field of one product that is wrong, in words the store's developer can act on. */
export interface ProductProblem {
  /** Position in the batch (0-based). */
  index: number;
  /** The product's id when it has a readable one, to find it in a file. */
  id: string | null;
  field: string;
  message: string;
}

export type ProductBatchResult =
  | { ok: true; value: ProductInput[] }
  | { ok: false; code: string; message: string; problems: ProductProblem[] };

/**
 * True for an absolute http(s) URL. Anything else (`javascript:`, `data:`, relative paths)
 * is refused at import and never rendered as a link or an image.
 */
export function isWebUrl(value: unknown): value is string {
  return typeof value === 'string' && value.length <= PRODUCT_LIMITS.url && webUrl(value) !== null;
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const absent = (v: unknown) => v === undefined || v === null || v === '';
/** At most two decimals (floating point aside: 19.99 * 100 is not exactly 1999). */
const cents = (v: number) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6;

/** One product of an import; `problems` receives one entry per wrong field. */
export function validateProduct(
  input: unknown,
  index: number,
  problems: ProductProblem[],
): ProductInput | null {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    problems.push({
      index,
      id: null,
      field: 'product',
      message: 'Each product must be an object.',
    });
    return null;
  }
  const source = input as Record<string, unknown>;
  const before = problems.length;
  const rawId = typeof source.id === 'number' ? String(source.id) : text(source.id);
  const id = rawId.length > 0 && rawId.length <= PRODUCT_LIMITS.id ? rawId : null;
  const fail = (field: string, message: string) => problems.push({ index, id, field, message });

  if (!isProductId(rawId)) {
    fail(
      'id',
      `id must be 1 to ${PRODUCT_LIMITS.id} letters, digits or _ . : - (your product id).`,
    );
  }
  const name = text(source.name);
  if (typeof source.name !== 'string' || name.length === 0 || name.length > PRODUCT_LIMITS.name) {
    fail('name', `name must be text of 1 to ${PRODUCT_LIMITS.name} characters.`);
  }
  const price = source.price;
  if (
    typeof price !== 'number' ||
    !Number.isFinite(price) ||
    price < 0 ||
    price > PRODUCT_LIMITS.amount ||
    !cents(price)
  ) {
    fail(
      'price',
      'price must be a number of at least 0 with at most two decimals (29.9 for €29.90).',
    );
  }
  const currency = currencyCode(source.currency);
  if (!currency) {
    fail('currency', 'currency must be a three-letter ISO 4217 code, like "EUR".');
  }
  const url = text(source.url);
  if (!isWebUrl(url)) {
    fail(
      'url',
      `url must be the product page's absolute http(s) address, at most ${PRODUCT_LIMITS.url} characters.`,
    );
  }
  const imageUrl = absent(source.imageUrl) ? null : text(source.imageUrl);
  if (imageUrl !== null && !isWebUrl(imageUrl)) {
    fail(
      'imageUrl',
      `imageUrl must be an absolute http(s) address of at most ${PRODUCT_LIMITS.url} characters, or absent.`,
    );
  }
  const description = absent(source.description) ? null : text(source.description);
  if (
    (!absent(source.description) && typeof source.description !== 'string') ||
    (description !== null && description.length > PRODUCT_LIMITS.description)
  ) {
    fail(
      'description',
      `description must be text of at most ${PRODUCT_LIMITS.description} characters.`,
    );
  }
  const variant = absent(source.variant) ? null : text(source.variant);
  if (
    (!absent(source.variant) && typeof source.variant !== 'string') ||
    (variant !== null && variant.length > PRODUCT_LIMITS.variant)
  ) {
    fail('variant', `variant must be text of at most ${PRODUCT_LIMITS.variant} characters.`);
  }
  if (source.available !== undefined && typeof source.available !== 'boolean') {
    fail('available', 'available must be true or false (or absent: available).');
  }
  if (problems.length > before) return null;
  return {
    id: rawId,
    name,
    price: price as number,
    currency: currency!, // a problem above otherwise
    url,
    imageUrl,
    description: description || null,
    variant: variant || null,
    available: source.available !== false,
  };
}

/**
 * Every product of a list of any length (a whole file in the console), with the list's own
 * positions; the same id twice is a problem too. Empty when all are fine.
 */
export function checkProducts(list: readonly unknown[]): {
  products: ProductInput[];
  problems: ProductProblem[];
} {
  const problems: ProductProblem[] = [];
  const products: ProductInput[] = [];
  const seen = new Map<string, number>();
  list.forEach((raw, index) => {
    const product = validateProduct(raw, index, problems);
    if (!product) return;
    const twin = seen.get(product.id);
    if (twin !== undefined) {
      problems.push({
        index,
        id: product.id,
        field: 'id',
        message: `id "${product.id}" is also products[${twin}]: one entry per product.`,
      });
      return;
    }
    seen.set(product.id, index);
    products.push(product);
  });
  return { products, problems };
}

/** What a problem list says in one line: the first problem, and how many more. */
export function describeProductProblems(problems: readonly ProductProblem[]): string {
  const first = problems[0];
  if (!first) return '';
  const where = `products[${first.index}]${first.id ? ` (${first.id})` : ''}.${first.field}`;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : '';
  return `${where}: ${first.message}${more}`;
}

/**
 * One import request, `{ products: [...] }`: 1 to 250 products. Any wrong product refuses the
 * whole batch (nothing is written), listing every product and field at fault.
 */
export function validateProductBatch(input: unknown): ProductBatchResult {
  const list = Array.isArray(input) ? input : (input as { products?: unknown } | null)?.products;
  if (!Array.isArray(list) || list.length === 0) {
    return {
      ok: false,
      code: 'invalid-products',
      message: 'products must be a non-empty array of products.',
      problems: [],
    };
  }
  if (list.length > PRODUCT_LIMITS.batch) {
    return {
      ok: false,
      code: 'too-many-products',
      message: `At most ${PRODUCT_LIMITS.batch} products per request (got ${list.length}): send them in several requests.`,
      problems: [],
    };
  }
  const { products, problems } = checkProducts(list);
  if (problems.length > 0) {
    return {
      ok: false,
      code: 'invalid-products',
      message: describeProductProblems(problems),
      problems,
    };
  }
  return { ok: true, value: products };
}

/**
 * The keys the composer's search matches: the id, and every word of the name with each of
 * its beginnings ("opaline" → "o", "op", …, "opaline"), folded without case or accents.
 */
export function productSearchKeys(product: Pick<ProductInput, 'id' | 'name'>): string[] {
  const keys = new Set<string>([foldText(product.id)]);
  for (const word of foldText(product.name).match(/[\p{L}\p{N}]+/gu) ?? []) {
    const letters = Array.from(word);
    for (let end = 1; end <= letters.length; end++) keys.add(letters.slice(0, end).join(''));
  }
  return [...keys].slice(0, PRODUCT_LIMITS.searchKeys);
}

/** What the merchant typed, as folded words: each must be a search key of a match. */
export function productQueryWords(query: string): string[] {
  return foldText(query).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Whether a product matches every typed word ("opa lamp" matches "Opaline table lamp"). */
export function matchesProductQuery(product: Pick<Product, 'searchKeys'>, words: string[]) {
  return words.every((w) => product.searchKeys.includes(w));
}

/** The copy a product card carries: taken when shared, so later edits do not change it. */
export function sharedProductOf(product: Product): SharedProduct {
  return {
    id: product.id,
    name: product.name,
    price: product.price,
    currency: product.currency,
    url: product.url,
    imageUrl: product.imageUrl,
    variant: product.variant,
    available: product.available,
  };
}

/** "€149.00", in the reader's language. */
export const describeProductPrice = (p: Pick<SharedProduct, 'price' | 'currency'>, lang: string) =>
  formatMoney(p.price, p.currency, lang);

/** The inbox preview of a product message: "Shared 2 products: Opaline table lamp, …". */
export function describeSharedProducts(products: readonly Pick<SharedProduct, 'name'>[]) {
  const names = products.map((p) => p.name).join(', ');
  return products.length === 1
    ? `Shared a product: ${names}`
    : `Shared ${products.length} products: ${names}`;
}
