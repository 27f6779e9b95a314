import { describe, expect, it } from 'vitest';
import {
  HISTORY_KEYWORDS_MAX,
  historySearchKey,
  historySortName,
  identityKeywords,
  mergeKeywords,
  messageKeywords,
  validateHistoryRowIds,
} from './history';

/** What the console finds: the key it queries must be one of the row's keywords. */
const finds = (keywords: string[], query: string) => {
  const key = historySearchKey(query);
  return key !== null && keywords.includes(key);
};

describe('history search', () => {
  const ada = identityKeywords({
    displayName: 'Ada Lovelace',
    customerId: 'CUST-1001',
    email: 'Ada.Lovelace@Example.com',
    phone: '+44 20 7946 0958',
  });

  it('finds a customer by a name word, the start of one, or the whole name, in any case', () => {
    for (const query of ['ada', 'Lovelace', 'LOVEL', 'lo', 'Ada Lovelace', '  ada   lovelace ']) {
      expect(finds(ada, query), query).toBe(true);
    }
    expect(finds(ada, 'Lovelace Ada')).toBe(false);
    expect(finds(ada, 'grace')).toBe(false);
  });

  it('finds a customer by their whole email, a word of it, their customer id or phone digits', () => {
    for (const query of ['ada.lovelace@example.com', 'ADA.LOVELACE@EXAMPLE.COM', 'example']) {
      expect(finds(ada, query), query).toBe(true);
    }
    expect(finds(ada, 'cust-1001')).toBe(true);
    expect(finds(ada, '442079460958')).toBe(true);
    expect(finds(ada, 'ada@example.com')).toBe(false);
  });

  it('folds accents the same way on both sides', () => {
    const elodie = identityKeywords({ displayName: 'Élodie Müller' });
    expect(finds(elodie, 'elodie')).toBe(true);
    expect(finds(elodie, 'ÉLODIE MÜLLER')).toBe(true);
    expect(finds(elodie, 'mull')).toBe(true);
  });

  it('finds a guest by their visitor name or number', () => {
    const guest = identityKeywords({ displayName: 'Visitor 12' });
    expect(finds(guest, 'Visitor 12')).toBe(true);
    expect(finds(guest, '12')).toBe(true);
    expect(finds(guest, 'visitor 1')).toBe(false);
  });

  it('finds message words whole, not their beginnings, and skips one-letter noise', () => {
    const words = messageKeywords(['Is the brass lamp in stock?', 'Order 7, thank you!']);
    expect(finds(words, 'LAMP')).toBe(true);
    expect(finds(words, '7')).toBe(true);
    expect(finds(words, 'lam')).toBe(false);
    expect(words).not.toContain('a');
  });

  it('an empty search is no search; a very long word searches and finds nothing', () => {
    expect(historySearchKey('   ')).toBeNull();
    expect(historySearchKey('!!')).toBeNull();
    const long = 'x'.repeat(60);
    expect(historySearchKey(long)).toBe(long);
    expect(messageKeywords([long])).toEqual([]);
  });

  it('keeps the identity and the newest words when the keyword cap is reached', () => {
    const old = Array.from({ length: HISTORY_KEYWORDS_MAX }, (_, i) => `old${i}`);
    const merged = mergeKeywords(['ada'], ['lamp'], old);
    expect(merged).toHaveLength(HISTORY_KEYWORDS_MAX);
    expect(merged.slice(0, 2)).toEqual(['ada', 'lamp']);
    expect(merged).not.toContain(`old${HISTORY_KEYWORDS_MAX - 1}`);
  });
});

describe('history sort name', () => {
  it('sorts visitors by number and names alphabetically, ignoring case and accents', () => {
    const names = ['Visitor 12', 'visitor 3', 'Élodie', 'ada'];
    expect([...names].sort((a, b) => (historySortName(a) < historySortName(b) ? -1 : 1))).toEqual([
      'ada',
      'Élodie',
      'visitor 3',
      'Visitor 12',
    ]);
  });
});

describe('validateHistoryRowIds', () => {
  const customer = `customer-${'a1'.repeat(32)}`;

  it('accepts 1 to 50 row ids and drops duplicates', () => {
    expect(validateHistoryRowIds(['guest-abc123', customer, 'guest-abc123'])).toEqual({
      ok: true,
      value: ['guest-abc123', customer],
    });
  });

  it('refuses no ids, too many, or something that is not a list', () => {
    for (const input of [[], undefined, 'guest-abc', Array(51).fill('guest-a')]) {
      expect(validateHistoryRowIds(input)).toMatchObject({ ok: false, code: 'invalid-row-ids' });
    }
  });

  it('refuses an id the functions never make, naming it', () => {
    for (const bad of ['guest-../x', 'customer-xyz', 'conversations', 42, '']) {
      const result = validateHistoryRowIds(['guest-ok', bad]);
      expect(result).toMatchObject({ ok: false, code: 'invalid-row-id' });
    }
    const named = validateHistoryRowIds(['stores/x']);
    expect(!named.ok && named.message).toContain('stores/x');
  });
});
