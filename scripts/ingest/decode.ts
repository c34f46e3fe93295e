/**
 * Bytes → text. Detects the encoding (BOM, UTF-16, UTF-8, Windows-1252 as the fallback for bytes
 * that are not valid UTF-8), normalises line endings to LF and the text to NFC. Zero-width joiners
 * and non-joiners (needed by Persian and Arabic) are ordinary code points and are kept.
 */

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
  text: string;
  encoding: Encoding;
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

/** Control characters other than tab, LF, CR and form feed: a text file has (almost) none. */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const controls = text.match(CONTROL)?.length ?? 0;
  return controls > 0 && controls / text.length > 0.01;
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
  if (looksBinary(text)) throw new DecodeError('binary data, not text', 'binary-file');
  return { text: normaliseText(text), encoding };
}
