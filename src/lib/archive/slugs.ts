import { shortHash } from '../hash.ts';

/**
 * URL segments for tag, source, series and editor names. A segment is lowercase ASCII letters,
 * digits and single hyphens, so every name reaches a plain, stable URL, including names with no
 * Latin letters at all (those get a short hash of the name instead).
 */

/** Latin letters that Unicode does not decompose into a base letter and a mark. */
const LATIN: Record<string, string> = {
  ß: 'ss',
  ł: 'l',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŋ: 'ng',
  ĸ: 'k',
  ſ: 's',
};

/**
 * The ASCII words of a name or title, lowercase: accents folded (`Défense` → `defense`), Latin letters
 * spelled out (`Straße` → `strasse`, `Łódź` → `lodz`), apostrophes dropped (`Iran’s` → `irans`).
 * The one slug rule of the archive: article slugs (scripts/ingest/slug.ts) and name URLs use it.
 */
export function slugWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[ßłøæœđðþıħŋĸſ]/g, (letter) => LATIN[letter] ?? letter)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['’`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Lowercase ASCII words joined by hyphens (see `slugWords`); may be empty. */
export function slugify(name: string): string {
  return slugWords(name).join('-');
}

/** The hash suffix of a name's URL segment. */
export const hashName = shortHash;

/**
 * A unique segment for each distinct name. A name keeps its plain slug unless that slug is empty
 * or shared with another name; then it gets its hash appended, so which names exist elsewhere in
 * the archive never changes a name's URL except where two names would otherwise collide.
 */
export function assignSlugs(names: Iterable<string>): Map<string, string> {
  const byBase = new Map<string, string[]>();
  for (const name of new Set(names)) {
    const base = slugify(name);
    const group = byBase.get(base);
    if (group) group.push(name);
    else byBase.set(base, [name]);
  }
  const slugs = new Map<string, string>();
  const owners = new Map<string, string>();
  for (const [base, group] of byBase) {
    for (const name of group) {
      const unique = base !== '' && group.length === 1;
      const slug = unique ? base : [base, hashName(name)].filter(Boolean).join('-');
      const owner = owners.get(slug);
      if (owner !== undefined) {
        throw new Error(`names "${owner}" and "${name}" both map to the URL segment "${slug}"; rename one`);
      }
      owners.set(slug, name);
      slugs.set(name, slug);
    }
  }
  return slugs;
}
