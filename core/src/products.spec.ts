import { describe, expect, it } from 'vitest';
import { parseProductFile } from './productFile';
import {
  PRODUCT_LIMITS,
  describeProductPrice,
  describeSharedProducts,
  isWebUrl,
  matchesProductQuery,
  productQueryWords,
  productSearchKeys,
  validateProductBatch,
} from './products';

const lamp = (overrides: Record<string, unknown> = {}) => ({
  id: 'opaline',
  name: 'Opaline table lamp',
  price: 149,
  currency: 'eur',
  url: 'https://maison-lumiere.test/product.html?id=opaline',
  imageUrl: 'https://maison-lumiere.test/images/opaline.svg',
  ...overrides,
});

describe('validateProductBatch', () => {
  it('accepts a product with only the required fields and fills the optional ones', () => {
    const result = validateProductBatch({ products: [lamp({ imageUrl: undefined })] });
    expect(result).toEqual({
      ok: true,
      value: [
        {
          id: 'opaline',
          name: 'Opaline table lamp',
          price: 149,
          currency: 'EUR',
          url: 'https://maison-lumiere.test/product.html?id=opaline',
          imageUrl: null,
          description: null,
          variant: null,
          available: true,
        },
      ],
    });
  });

  it('accepts a bare array, numeric ids and optional fields', () => {
    const result = validateProductBatch([
      lamp({ id: 1042, description: 'Glazed', variant: 'Sage', available: false, price: 19.9 }),
    ]);
    expect(result.ok && result.value[0]).toMatchObject({
      id: '1042',
      description: 'Glazed',
      variant: 'Sage',
      available: false,
      price: 19.9,
    });
  });

  it('one bad product refuses the whole batch, naming each item and field', () => {
    const result = validateProductBatch({
      products: [lamp(), lamp({ id: 'b', price: '149', currency: 'euros' }), lamp({ id: 'c/d' })],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('invalid-products');
    expect(result.problems.map((p) => [p.index, p.id, p.field])).toEqual([
      [1, 'b', 'price'],
      [1, 'b', 'currency'],
      [2, 'c/d', 'id'],
    ]);
    expect(result.message).toMatch(/^products\[1\] \(b\)\.price: .*\(and 2 more problems\)$/);
  });

  it('refuses javascript:, data: and relative URLs for the page and the image', () => {
    const result = validateProductBatch([
      lamp({ url: 'javascript:alert(1)' }),
      lamp({ id: 'two', url: '/product.html?id=two' }),
      lamp({ id: 'three', imageUrl: 'data:image/svg+xml,<svg onload=alert(1)>' }),
      lamp({ id: 'four', url: ' JavaScript:alert(1)' }),
    ]);
    expect(!result.ok && result.problems.map((p) => p.field)).toEqual([
      'url',
      'url',
      'imageUrl',
      'url',
    ]);
  });

  it('checks types and sizes of every field', () => {
    const long = (n: number) => 'x'.repeat(n);
    const result = validateProductBatch([
      lamp({ name: long(PRODUCT_LIMITS.name + 1) }),
      lamp({ id: 'p2', name: 42 }),
      lamp({ id: 'p3', price: -1 }),
      lamp({ id: 'p4', price: 1.999 }),
      lamp({ id: 'p5', description: long(PRODUCT_LIMITS.description + 1) }),
      lamp({ id: 'p6', variant: 7 }),
      lamp({ id: 'p7', available: 'yes' }),
      lamp({ id: long(PRODUCT_LIMITS.id + 1) }),
      lamp({ id: '..' }),
      'not an object',
    ]);
    expect(!result.ok && result.problems.map((p) => `${p.index}.${p.field}`)).toEqual([
      '0.name',
      '1.name',
      '2.price',
      '3.price',
      '4.description',
      '5.variant',
      '6.available',
      '7.id',
      '8.id',
      '9.product',
    ]);
  });

  it('refuses the same id twice, an empty batch and a batch over the limit', () => {
    const twice = validateProductBatch([lamp(), lamp()]);
    expect(!twice.ok && twice.problems[0]).toMatchObject({ index: 1, field: 'id' });
    expect(validateProductBatch({ products: [] })).toMatchObject({ code: 'invalid-products' });
    expect(validateProductBatch({})).toMatchObject({ code: 'invalid-products' });
    const many = Array.from({ length: PRODUCT_LIMITS.batch + 1 }, (_, i) => lamp({ id: `p${i}` }));
    expect(validateProductBatch(many)).toMatchObject({
      ok: false,
      code: 'too-many-products',
      message: expect.stringMatching(/At most 250 products/),
    });
  });
});

describe('isWebUrl', () => {
  it('accepts only absolute http and https addresses', () => {
    expect(isWebUrl('http://127.0.0.1:5080/product.html?id=arc')).toBe(true);
    expect(isWebUrl('https://shop.test/p')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'ftp://x.test/', '//x.test/p', 'p.html', '', 3]) {
      expect(isWebUrl(bad)).toBe(false);
    }
  });
});

describe('product search', () => {
  const keys = productSearchKeys({ id: 'opaline', name: 'Opaline table lamp' });

  it('matches words by their beginnings, in any order, without case or accents', () => {
    const match = (q: string) => matchesProductQuery({ searchKeys: keys }, productQueryWords(q));
    expect(match('opa')).toBe(true);
    expect(match('LAMP opal')).toBe(true);
    expect(match('Opâline')).toBe(true);
    expect(match('paline')).toBe(false);
    expect(match('opa desk')).toBe(false);
  });

  it('holds the id and every prefix of every word', () => {
    expect(keys).toContain('opaline');
    expect(keys).toContain('t');
    expect(keys).toContain('tabl');
    expect(productSearchKeys({ id: 'x', name: 'Lumière' })).toContain('lumiere');
  });
});

describe('parseProductFile', () => {
  it('reads JSON as an array or as the endpoint’s body', () => {
    expect(parseProductFile('a.json', JSON.stringify([lamp()]))).toEqual({
      ok: true,
      products: [lamp()],
    });
    expect(parseProductFile('a.JSON', JSON.stringify({ products: [lamp()] }))).toMatchObject({
      ok: true,
    });
    expect(parseProductFile('a.json', '{')).toMatchObject({ ok: false, code: 'unreadable-file' });
    expect(parseProductFile('a.txt', '')).toMatchObject({ ok: false });
  });

  it('reads CSV with a header row, quoted fields, numbers and booleans', () => {
    const csv = [
      'id,name,price,currency,url,image url,available,description',
      'opaline,"Opaline table lamp, sage",149.90,EUR,https://s.test/o,https://s.test/o.svg,yes,"A ""glazed"" base',
      'with a linen shade"',
      'arc,Arc,"389,5",EUR,https://s.test/a,,no,',
    ].join('\r\n');
    const result = parseProductFile('catalog.csv', csv);
    expect(result).toEqual({
      ok: true,
      products: [
        {
          id: 'opaline',
          name: 'Opaline table lamp, sage',
          price: 149.9,
          currency: 'EUR',
          url: 'https://s.test/o',
          imageUrl: 'https://s.test/o.svg',
          available: true,
          description: 'A "glazed" base\r\nwith a linen shade',
        },
        {
          id: 'arc',
          name: 'Arc',
          price: 389.5,
          currency: 'EUR',
          url: 'https://s.test/a',
          available: false,
        },
      ],
    });
    expect(validateProductBatch((result as { products: unknown[] }).products).ok).toBe(true);
  });

  it('names an unknown CSV column; a price that is not a number reaches validation as text', () => {
    expect(parseProductFile('c.csv', 'id,name,colour\n1,a,red')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Unknown column “colour”/),
    });
    const read = parseProductFile('c.csv', 'id,name,price\n1,a,cheap');
    expect(read).toMatchObject({ ok: true, products: [{ price: 'cheap' }] });
  });
});

describe('how a card reads', () => {
  it('formats the price in the reader’s language and currency', () => {
    expect(describeProductPrice({ price: 149, currency: 'EUR' }, 'en')).toBe('€149.00');
    expect(describeProductPrice({ price: 149.9, currency: 'EUR' }, 'fr')).toMatch(/^149,90\s€$/);
    expect(describeProductPrice({ price: 20, currency: 'USD' }, 'en')).toBe('$20.00');
  });

  it('previews a product message in the inbox by its names', () => {
    expect(describeSharedProducts([{ name: 'Opaline table lamp' }])).toBe(
      'Shared a product: Opaline table lamp',
    );
    expect(describeSharedProducts([{ name: 'A' }, { name: 'B' }])).toBe('Shared 2 products: A, B');
  });
});
