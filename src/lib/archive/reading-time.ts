/** Minutes to read an article's body, from the words the ingester counted in it. */

const WORDS_PER_MINUTE = 230;

/** At least one minute for any body with words; zero for an empty one. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
