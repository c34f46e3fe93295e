/**
 * Nothing lost, nothing executed: every raw line either reaches the rendered page as written or is
 * listed in the report; raw text never becomes an element or runs as code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestBytes } from '../../scripts/ingest/article.ts';
import { loadCurated, type Curated } from '../../scripts/ingest/curated.ts';
import { fold, renderMdx } from '../helpers/mdx-html.ts';

const root = path.resolve(import.meta.dirname, '../..');
let curated: Curated;
beforeAll(async () => {
  curated = await loadCurated(path.join(root, 'content/curated'));
});

const BULLET = /^[•◦▪●‣]\s*/u;

async function render(text: string, rawFile = 'case.txt') {
  const result = ingestBytes(new TextEncoder().encode(text), rawFile, curated);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('; '));
  const page = await renderMdx(result.mdx);
  return { result, page };
}

describe('every line of the samples', () => {
  for (const file of readdirSync(path.join(root, 'content/raw')).sort()) {
    it(`${file}: reaches the page or the report`, async () => {
      const raw = readFileSync(path.join(root, 'content/raw', file), 'utf8');
      const { result, page } = await render(raw, file);
      const reported = new Set(result.removed.map((r) => r.line));
      const visible = fold(page.text);
      raw.split('\n').forEach((line, i) => {
        const text = fold(line.trim().replace(BULLET, ''));
        if (text === '' || reported.has(i + 1)) return;
        expect(visible, `${file}:${i + 1}`).toContain(text);
      });
    });
  }
});

const TOKENS = [
  '{',
  '}',
  '{1+1}',
  '<',
  '>',
  '<script>alert(1)</script>',
  '<b>',
  '</b>',
  'import x from "y"',
  'export const a = 1',
  '# ',
  '## ',
  '* ',
  '- ',
  '+ ',
  '1. ',
  '> ',
  '|',
  '| a | b |',
  '---',
  '***',
  '&amp;',
  '&lt;',
  '&#x69;',
  '\\',
  '\\n',
  '`',
  '```',
  '~~~',
  '[',
  ']',
  '(',
  ')',
  '![a](b)',
  '[x](javascript:alert(1))',
  '_',
  '__',
  '*',
  '$',
  ':',
  '=',
  '!',
  '<!--',
  '-->',
  'http://example.com',
  'www.example.com',
  'a@b.co',
  '\u200c',
  '\u200d',
  '\u00a0',
  'می‌روم',
  'زن، زندگی، آزادی',
  'Qaʼani',
  'Qaʿani',
  'עברית',
  '\u202e',
  '\u2066',
  'e\u0301',
  '1',
  '.2',
  '”3',
  ' ',
  '  ',
  '\t',
];

/** One raw body line: dangerous tokens mixed with arbitrary Unicode (no line breaks or controls). */
const line = fc
  .array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ unit: 'grapheme', maxLength: 8 })), {
    minLength: 1,
    maxLength: 12,
  })
  // eslint-disable-next-line no-control-regex -- control characters are what the test removes
  .map((parts) => parts.join('').replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' '))
  .filter((text) => text.trim() !== '');

describe('arbitrary text', () => {
  it('survives ingest → MDX → HTML as text, or is reported', async () => {
    await fc.assert(
      fc.asyncProperty(line, async (body) => {
        const { result, page } = await render(`A plain headline\n\n${body}\n`);
        const expected = fold(body.normalize('NFC').trim().replace(BULLET, ''));
        const reported = result.removed.some((r) => r.line === 3);
        if (!reported && expected !== '') expect(fold(page.text)).toContain(expected);
        // Only the archive's own elements exist: raw text never becomes markup. GFM turns bare
        // web and e-mail addresses into links (their text unchanged); nothing else is allowed.
        const html = page.html.replace(/<a href="(?:mailto:|https?:\/\/)[^"]*">/g, '').replace(/<\/a>/g, '');
        expect(html).not.toMatch(/<(?!\/?(?:p|ul|li|h2|sup|figure|figcaption)\b)[a-z]/i);
      }),
      { numRuns: 300, seed: 20261121 },
    );
  });

  it('becomes an article whatever its shape, when it holds a letter, and keeps every line not reported', async () => {
    const fileName = fc.oneof(
      fc.constant('001.txt'),
      fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/).map((n) => `${n}.txt`),
    );
    const anyText = fc
      .array(line, { minLength: 1, maxLength: 5 })
      .filter((lines) => lines.some((l) => /\p{L}/u.test(l)));
    await fc.assert(
      fc.asyncProperty(anyText, fileName, async (lines, rawFile) => {
        const result = ingestBytes(new TextEncoder().encode(`${lines.join('\n')}\n`), rawFile, curated);
        expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
        if (!result.ok) return;
        const page = fold((await renderMdx(result.mdx)).text);
        const reported = new Set(result.removed.map((r) => r.line));
        lines.forEach((text, i) => {
          const expected = fold(text.normalize('NFC').trim().replace(BULLET, ''));
          if (expected !== '' && !reported.has(i + 1)) expect(page).toContain(expected);
        });
      }),
      { numRuns: 300, seed: 20261122 },
    );
  });
});
