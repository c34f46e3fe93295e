/**
 * Readable, unique, deterministic slugs: `<dateStart>-<title words>` (title alone when undated),
 * ASCII, at most ~80 characters cut at a word boundary. A title with no Latin letters (Persian,
 * say) falls back to `article-<hash of the raw file path>`. Collisions: the raw file that sorts
 * first keeps the plain slug, the others get a suffix from the hash of their raw file path.
 */
import { slugWords } from '../../src/lib/archive/slugs.ts';
import { shortHash } from '../../src/lib/hash.ts';

const MAX = 80;

/** The title's slug words (the archive's one slug rule) joined by hyphens, cut at a word before ~80 characters. */
export function slugify(text: string): string {
  const words = slugWords(text);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX) break;
    slug = next;
  }
  return slug || (words[0] ?? '').slice(0, MAX);
}

export function baseSlug(title: string, dateStart: string | undefined, rawFile: string): string {
  const words = slugify(title);
  if (!words) return `${dateStart ? `${dateStart}-` : ''}article-${shortHash(rawFile)}`;
  return dateStart ? `${dateStart}-${words}` : words;
}

/** Assigns final slugs; `items` may come in any order, the result does not depend on it. */
export function uniqueSlugs(items: { rawFile: string; base: string }[]): Map<string, string> {
  const groups = new Map<string, string[]>();
  for (const { rawFile, base } of items) groups.set(base, [...(groups.get(base) ?? []), rawFile]);
  const result = new Map<string, string>();
  for (const [base, files] of groups) {
    files.sort();
    files.forEach((file, i) => result.set(file, i === 0 ? base : `${base}-${shortHash(file)}`));
  }
  return result;
}
