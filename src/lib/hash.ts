/**
 * The archive's one non-cryptographic hash: 32-bit FNV-1a over UTF-8. Tiny, dependency-free, the
 * same in Node and the browser, and stable across releases: paragraph ids, URL segments of names
 * with no Latin letters, and slug collision suffixes are built from it, so changing it moves URLs.
 */
// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
const ASCII = /^[\u0000-\u007f]*$/;

export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  const mix = (byte: number) => {
    hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  };
  // ASCII is its own UTF-8: hash the code units without encoding the string first.
  if (ASCII.test(text)) for (let i = 0; i < text.length; i++) mix(text.charCodeAt(i));
  else for (const byte of new TextEncoder().encode(text)) mix(byte);
  return hash;
}

/** A short, URL-safe digest of `text`: 7 base-36 digits. */
export function shortHash(text: string): string {
  return fnv1a32(text).toString(36).padStart(7, '0');
}
