/**
 * URL segments for tag, source, series and editor names. A segment is lowercase ASCII letters,
 * digits and single hyphens, so every name reaches a plain, stable URL, including names with no
 * Latin letters at all (those get a short hash of the name instead).
 */

/** Lowercase ASCII words joined by hyphens; accents folded ("Défense" → "defense"); may be empty. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** FNV-1a over the name's UTF-16 units, base 36: short, deterministic, dependency-free. */
export function hashName(name: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

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
