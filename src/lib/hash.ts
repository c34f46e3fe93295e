/**
 * The archive's one non-cryptographic hash: 32-bit FNV-1a over UTF-8. Tiny, dependency-free, the
 * same in Node and the browser, and stable across releases: paragraph ids, URL segments of names
 * with no Latin letters, and slug collision suffixes are built from it, so changing it moves URLs.
 */
// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
const ASCII = /^[\u0000-\u007f]*$/;

export function fnv1a32(text: string): number {
  // Kept as a signed 32-bit integer while mixing (no number is allocated per byte); unsigned at the end.
  let hash = 0x811c9dc5 | 0;
  // ASCII is its own UTF-8: hash the code units without encoding the string first.
  if (ASCII.test(text))
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  else for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193);
  return hash >>> 0;
}

/** A hash as a short, URL-safe digest: 7 base-36 digits. */
export function hashDigits(hash: number): string {
  return hash.toString(36).padStart(7, '0');
}

/** A short, URL-safe digest of `text`: 7 base-36 digits. */
export function shortHash(text: string): string {
  return hashDigits(fnv1a32(text));
}
