/**
 * Reading a catalogue file the merchant picks in the console: JSON (an array of products, or
 * `{ "products": [...] }`, the endpoint's body) or CSV with a header row naming the fields.
 * Only turns text into raw products; validateProductBatch then checks them field by field.
 */

export type ProductFileResult =
  { ok: true; products: unknown[] } | { ok: false; code: 'unreadable-file'; message: string };

/** The CSV columns, as the header row names them (case and spaces ignored). */
export const PRODUCT_CSV_COLUMNS = [
  'id',
  'name',
  'price',
  'currency',
  'url',
  'imageUrl',
  'description',
  'variant',
  'available',
] as const;

const unreadable = (message: string): ProductFileResult => ({
  ok: false,
  code: 'unreadable-file',
  message,
});

/** RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}

const BOOLEANS: Record<string, boolean> = {
  true: true,
  yes: true,
  '1': true,
  false: false,
  no: false,
  '0': false,
};

function fromCsv(text: string): ProductFileResult {
  const [header, ...rows] = parseCsv(text);
  if (!header) return unreadable('The file is empty.');
  const names = header.map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/[\s_-]/g, ''),
  );
  const columns = names.map((n) => PRODUCT_CSV_COLUMNS.find((c) => c.toLowerCase() === n) ?? null);
  const unknown = header.filter((_, i) => columns[i] === null);
  if (unknown.length > 0) {
    return unreadable(
      `Unknown column ${unknown.map((u) => `“${u.trim()}”`).join(', ')}: the header row may name ${PRODUCT_CSV_COLUMNS.join(', ')}.`,
    );
  }
  const products = rows.map((cells) => {
    const product: Record<string, unknown> = {};
    columns.forEach((column, i) => {
      const cell = (cells[i] ?? '').trim();
      if (!column || cell === '') return;
      if (column === 'price') {
        // "149", "149.90"; a decimal comma ("149,90") is read too, it is common in Europe.
        const n = /^-?\d+([.,]\d+)?$/.test(cell) ? Number(cell.replace(',', '.')) : NaN;
        product.price = Number.isNaN(n) ? cell : n;
      } else if (column === 'available') {
        product.available = BOOLEANS[cell.toLowerCase()] ?? cell;
      } else product[column] = cell;
    });
    return product;
  });
  return { ok: true, products };
}

/** Reads a picked file's text by its name's extension (.json or .csv). */
export function parseProductFile(fileName: string, text: string): ProductFileResult {
  const extension = fileName.toLowerCase().split('.').pop();
  if (extension === 'csv') return fromCsv(text);
  if (extension !== 'json') return unreadable('Choose a .json or .csv file.');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return unreadable('This file is not valid JSON.');
  }
  const list = Array.isArray(data) ? data : (data as { products?: unknown } | null)?.products;
  if (!Array.isArray(list)) {
    return unreadable('The JSON must be an array of products, or { "products": [...] }.');
  }
  return { ok: true, products: list };
}
