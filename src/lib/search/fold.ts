/**
 * Transliteration folding. Names from Arabic and Persian reach the archive with the ayn and hamza
 * written many ways: `Qa’ani`, `Qa'ani`, `Qaani`, `Qaʼani`, `Shiʿa`. Pagefind drops punctuation
 * (’ ' ‘) inside words, so those spellings already meet, but the modifier letters below are
 * Unicode *letters* (category Lm and friends): Pagefind keeps them and `Qaani` would never find
 * `Qaʼani`. Folding them to U+2019 — punctuation Pagefind drops — makes every spelling one word
 * while excerpts still show an apostrophe where the source had one.
 *
 * The same function runs on the HTML given to Pagefind at build time (scripts/pagefind.ts) and on
 * the reader's query in the browser, so both sides agree.
 */
const APOSTROPHE = '\u2019';

/** Apostrophe-like letters and symbols used in transliteration (ayn, hamza, okina, soft sign…). */
export const FOLDED_CHARACTERS = [
  '\u02B9', // ʹ modifier letter prime (soft sign)
  '\u02BA', // ʺ modifier letter double prime (hard sign)
  '\u02BB', // ʻ turned comma (okina, ayn)
  '\u02BC', // ʼ modifier letter apostrophe (hamza)
  '\u02BD', // ʽ reversed comma
  '\u02BE', // ʾ right half ring (hamza)
  '\u02BF', // ʿ left half ring (ayn)
  '\u02C0', // ˀ glottal stop
  '\u02C1', // ˁ reversed glottal stop
  '\u02EE', // ˮ modifier double apostrophe
  '\uA78B', // Ꞌ capital saltillo
  '\uA78C', // ꞌ small saltillo
  '\u0060', // ` grave accent, typed for ayn
  '\u00B4', // ´ acute accent, typed for hamza
];

const PATTERN = new RegExp(`[${FOLDED_CHARACTERS.join('')}]`, 'gu');

export function foldTransliteration(text: string): string {
  return text.replace(PATTERN, APOSTROPHE);
}
