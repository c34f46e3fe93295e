import { describe, expect, it } from 'vitest';
import { FOLDED_CHARACTERS, foldTransliteration } from '../../src/lib/search/fold.ts';
import { yearsCovered } from '../../src/lib/search/years.ts';

describe('foldTransliteration', () => {
  it('turns ayn and hamza letters into the apostrophe Pagefind ignores', () => {
    expect(foldTransliteration('Qaʼani')).toBe('Qa’ani');
    expect(foldTransliteration('Shiʿa, Quʾran, Hawaiʻi')).toBe('Shi’a, Qu’ran, Hawai’i');
    expect(foldTransliteration('Sa`id Sa´id')).toBe('Sa’id Sa’id');
  });

  it('folds every listed character and nothing else', () => {
    for (const c of FOLDED_CHARACTERS) expect(foldTransliteration(`a${c}b`)).toBe('a’b');
    const untouched = 'Qa’ani Qa\'ani Qaani ‘quoted’ “double” Mohammad Bāqerī محمد باقری <p id="p-1">';
    expect(foldTransliteration(untouched)).toBe(untouched);
  });

  it('keeps the length of the text, so word positions do not move', () => {
    const text = 'Esmail Qaʼani met ʿAli ʾAbd';
    expect(foldTransliteration(text)).toHaveLength(text.length);
  });
});

describe('yearsCovered', () => {
  it('lists every year a range touches', () => {
    expect(yearsCovered('2020-12-28', '2021-01-03')).toEqual(['2020', '2021']);
    expect(yearsCovered('2019-05-01', '2022-01-01')).toEqual(['2019', '2020', '2021', '2022']);
  });

  it('gives one year for a single day or a range inside one year', () => {
    expect(yearsCovered('2020-09-24')).toEqual(['2020']);
    expect(yearsCovered('2020-03-22', '2020-04-05')).toEqual(['2020']);
  });

  it('gives no year to undated articles and ignores a backwards or malformed end', () => {
    expect(yearsCovered(undefined, undefined)).toEqual([]);
    expect(yearsCovered('2021-05-13', '2020-01-01')).toEqual(['2021']);
    expect(yearsCovered('2021-05-13', 'soon')).toEqual(['2021']);
  });
});
