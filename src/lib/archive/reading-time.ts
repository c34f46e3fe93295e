/** Minutes to read an article's body, from its MDX source. */

const WORDS_PER_MINUTE = 230;

/** Counts words in the prose, ignoring markup punctuation, tags and expressions. */
export function countWords(source: string): number {
  const text = source
    .replace(/<[^>]*>/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/[#>*_`|[\]()-]+/g, ' ');
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** At least one minute for any body with words; zero for an empty one. */
export function readingMinutes(source: string): number {
  const words = countWords(source);
  return words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
