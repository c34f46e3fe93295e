/**
 * Bytes → text. Detects the encoding (BOM, UTF-16, UTF-8, Windows-1252 as the fallback for bytes
 * that are not valid UTF-8), normalises line endings to LF and the text to NFC. Zero-width joiners
 * and non-joiners (needed by Persian and Arabic) are ordinary code points and are kept.
 */

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Stray control characters removed from the text: the lines (1-based) they were on and how many. */
  controls?: { line: number; count: number }[];
}

export class DecodeError extends Error {
  readonly rule: string;
  constructor(message: string, rule: string) {
    super(message);
    this.rule = rule;
  }
}

function detectBom(bytes: Uint8Array): Encoding | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function decodeWith(bytes: Uint8Array, encoding: Encoding): string {
  switch (encoding) {
    case 'utf-8-bom':
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
    case 'utf-16le':
    case 'utf-16be':
      return new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(2));
    default:
      return new TextDecoder(encoding, { fatal: encoding === 'utf-8' }).decode(bytes);
  }
}

/** Control characters other than tab, LF, VT, CR and form feed: a text file has (almost) none. */
// eslint-disable-next-line no-control-regex -- finding control characters is what this pattern is for
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;
/** A file where at least this share of the characters are control characters is binary data. */
const BINARY_SHARE = 0.1;

function countControls(text: string): number {
  CONTROL.lastIndex = 0;
  let count = 0;
  while (CONTROL.exec(text)) count++;
  return count;
}

/**
 * Mostly binary: control characters make up a tenth of it, or nothing in it is a letter. A few
 * stray NUL or SUB bytes in text (scrapers leave them) do not make a file binary.
 */
function looksBinary(text: string, controls: number): boolean {
  return controls / Math.max(1, text.length) >= BINARY_SHARE || (controls > 0 && !/\p{L}/u.test(text));
}

/** Removes stray control characters, noting per line how many were removed. */
function removeControls(text: string): { text: string; controls: { line: number; count: number }[] } {
  const controls: { line: number; count: number }[] = [];
  const lines = text.split('\n').map((line, index) => {
    const cleaned = line.replace(CONTROL, '');
    if (cleaned.length !== line.length)
      controls.push({ line: index + 1, count: line.length - cleaned.length });
    return cleaned;
  });
  return { text: lines.join('\n'), controls };
}

export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC');
}

export function decode(bytes: Uint8Array): Decoded {
  let encoding: Encoding = detectBom(bytes) ?? 'utf-8';
  let text: string;
  try {
    text = decodeWith(bytes, encoding);
  } catch {
    if (encoding !== 'utf-8') {
      throw new DecodeError(`invalid ${encoding} text after its byte-order mark`, 'bad-encoding');
    }
    encoding = 'windows-1252';
    text = decodeWith(bytes, encoding);
  }
  const normalised = normaliseText(text);
  const controls = countControls(normalised);
  if (controls === 0) return { text: normalised, encoding };
  if (looksBinary(normalised, controls)) throw new DecodeError('binary data, not text', 'binary-file');
  return { encoding, ...removeControls(normalised) };
}
