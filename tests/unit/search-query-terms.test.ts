import { describe, expect, it } from 'vitest';
import { normaliseWord, parseQuery, termOf } from '../../src/lib/search/query-terms.ts';

describe('parseQuery', () => {
  it('splits words and quoted phrases, normalised', () => {
    expect(parseQuery('"Esmail Qa’ani" Baghdad')).toEqual({
      terms: ['esmail', 'qaani', 'baghdad'],
      phrases: [['esmail', 'qaani']],
    });
  });

  it('ignores one-word quotes as phrases and repeated words', () => {
    expect(parseQuery('“Zarif” zarif')).toEqual({ terms: ['zarif'], phrases: [] });
  });
});

describe('normaliseWord', () => {
  it('drops punctuation, diacritics and transliteration marks, lower-cased', () => {
    expect(normaliseWord('Qaʼani,')).toBe('qaani');
    expect(normaliseWord('Sécurité')).toBe('securite');
    expect(normaliseWord('al-Kazimi')).toBe('alkazimi');
  });
});

describe('termOf', () => {
  const terms = ['iran', 'iraq', 'sanctions'];

  it('maps a page word to the query term it is a form of', () => {
    expect(termOf('Iranian', terms)).toBe('iran');
    expect(termOf('Iraqi', terms)).toBe('iraq');
    expect(termOf('sanctioned', terms)).toBe('sanctions');
  });

  it('lets a word no term explains stand for itself', () => {
    expect(termOf('Ghaani', terms)).toBe('ghaani');
    expect(termOf('Irbil', terms)).toBe('irbil');
  });
});
