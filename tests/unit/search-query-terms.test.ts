import { describe, expect, it } from 'vitest';
import { foldTransliteration } from '../../src/lib/search/fold.ts';
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

  it('gives a word of printable ASCII (its short way) what the full folding gives', () => {
    // The full folding, spelled out: transliteration marks, NFKD, marks dropped, lower case, letters and digits only.
    const full = (word: string) =>
      foldTransliteration(word)
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]/gu, '');
    const ascii = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('');
    const words = [
      ascii,
      ...ascii.split('').map((c) => `Qa${c}ani`),
      'U.S.',
      'IRGC’s',
      "Qa'ani",
      'Qa`ani',
      '9/11',
    ];
    for (const word of words) expect(normaliseWord(word), word).toBe(full(word));
    expect(normaliseWord('Qa`ani')).toBe('qaani');
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
