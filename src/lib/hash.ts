/**
 * The archive's one non-cryptographic hash: 32-bit FNV-1a over UTF-8. Tiny, dependency-free, the
 * same in Node and the browser, and stable across releases: paragraph ids, URL segments of names
 * with no Latin letters, and slug collision suffixes are built from it, so changing it moves URLs.
 */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A short, URL-safe digest of `text`: 7 base-36 digits. */
export function shortHash(text: string): string {
  return fnv1a32(text).toString(36).padStart(7, '0');
}
