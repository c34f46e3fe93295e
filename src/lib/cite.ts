/**
 * Citations of an article and of one of its paragraphs: a Chicago-like reference (web page, no
 * author; the editor as printed) and a BibTeX entry. Pure and browser-safe: the article page renders
 * the article citation at build time and its script builds paragraph citations on demand.
 *
 * Missing data is left out, never invented: an undated article is cited "n.d." and has no year.
 */

import type { ArticleData } from '../schema/article.ts';
import { formatDateRange as formatRange, MONTHS, parseDay } from './archive/dates.ts';

/** The article fields a citation uses, as the schema defines them. */
export const CITE_FIELDS = [
  'title',
  'source',
  'series',
  'via',
  'editor',
  'dateStart',
  'dateEnd',
] as const satisfies readonly (keyof ArticleData)[];

export type CiteSource = Pick<ArticleData, (typeof CITE_FIELDS)[number]> & {
  /** The article's slug: the BibTeX key. */
  slug: string;
  /** The article's canonical URL. */
  url: string;
};

/** The citation's fields from an article's front-matter, absent fields left out. */
export function citeSource(slug: string, url: string, data: ArticleData): CiteSource {
  const picked = Object.fromEntries(
    CITE_FIELDS.flatMap((field) => (data[field] === undefined ? [] : [[field, data[field]]])),
  );
  return { ...(picked as Pick<ArticleData, (typeof CITE_FIELDS)[number]>), slug, url };
}

/** BibTeX's month macros: `jan` … `dec`. */
const BIB_MONTHS = MONTHS.map((m) => m.slice(0, 3).toLowerCase());
const EXCERPT_WORDS = 12;

/** "September 18, 2020"; a range shares what it can: "September 18–24, 2020", "March 22 – April 5, 2020". */
export function formatDateRange(start?: string, end?: string): string | undefined {
  return formatRange(start, end, 'month-day');
}

/**
 * `“Title.”` (Chicago): quotes inside the title become single, and the period goes inside every
 * closing quote, unless the title already ends in its own mark.
 */
export function quotedTitle(title: string): string {
  const t = title
    .trim()
    .replace(/“/g, '‘')
    .replace(/”/g, '’')
    .replace(/"([^"]*)"/g, '‘$1’');
  const closing = /’*$/.exec(t)?.[0] ?? '';
  const body = t.slice(0, t.length - closing.length);
  return /[.?!…]$/.test(body) ? `“${t}”` : `“${body}.${closing}”`;
}

/** The parts between the title and the URL, each a sentence. */
function middle(c: CiteSource): string[] {
  const parts: string[] = [];
  if (c.editor) parts.push(`Edited by ${c.editor}.`);
  if (c.series && c.series !== c.title) parts.push(`${c.series}.`);
  const date = formatDateRange(c.dateStart, c.dateEnd) ?? 'n.d.';
  // Every part ends in one period: "n.d." already has its own.
  const ending = (text: string) => (text.endsWith('.') ? text : `${text}.`);
  parts.push(ending(c.source ? `${c.source}, ${date}` : date));
  if (c.via) parts.push(`Republished by ${c.via}.`);
  return parts;
}

/** Chicago-like reference to the whole article. */
export function articleCitation(c: CiteSource): string {
  return [quotedTitle(c.title), ...middle(c), `${c.url}.`].join(' ');
}

/** The first words of a paragraph, for a reference that still identifies it if the link breaks. */
export function excerpt(text: string, words = EXCERPT_WORDS): string {
  const all = text.replace(/¶/g, ' ').trim().split(/\s+/).filter(Boolean);
  const head = all.slice(0, words).join(' ');
  return all.length > words ? `${head.replace(/[,;:.]$/, '')}…` : head;
}

/** Chicago-like reference to one paragraph: the article's, plus the paragraph's first words and fragment. */
export function paragraphCitation(c: CiteSource, paragraphId: string, paragraphText: string): string {
  const words = excerpt(paragraphText);
  const where = words ? [`Paragraph beginning “${words}”.`] : [];
  const url = new URL(c.url);
  url.hash = paragraphId;
  return [quotedTitle(c.title), ...middle(c), ...where, `${url.href}.`].join(' ');
}

/** Escapes BibTeX's special characters in a field value. */
export function bibEscape(value: string): string {
  const map: Record<string, string> = {
    '\\': '\\textbackslash{}',
    '{': '\\{',
    '}': '\\}',
    '&': '\\&',
    '%': '\\%',
    $: '\\$',
    '#': '\\#',
    _: '\\_',
    '~': '\\textasciitilde{}',
    '^': '\\textasciicircum{}',
  };
  return value.replace(/[\\{}&%$#_~^]/g, (ch) => map[ch] ?? ch);
}

/** A BibTeX key from the slug: only characters every BibTeX accepts. */
export function bibKey(slug: string): string {
  const key = slug
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9:_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return key || 'article';
}

/** A BibTeX `@misc` entry for the article (with biblatex's `date` for ranges). */
export function bibtex(c: CiteSource): string {
  const fields: [string, string][] = [['title', `{${bibEscape(c.title)}}`]];
  if (c.editor) fields.push(['editor', bibEscape(c.editor)]);
  if (c.source) fields.push(['howpublished', bibEscape(c.source)]);
  if (c.series) fields.push(['series', bibEscape(c.series)]);
  if (c.dateStart) {
    const start = parseDay(c.dateStart);
    fields.push(['year', String(start.year)], ['month', BIB_MONTHS[start.month - 1] ?? '']);
    fields.push([
      'date',
      c.dateEnd && c.dateEnd !== c.dateStart ? `${c.dateStart}/${c.dateEnd}` : c.dateStart,
    ]);
  }
  // Braces cannot occur in a serialised URL; `%` and `#` are fine inside `url`.
  fields.push(['url', c.url.replace(/[{}\s]/g, encodeURIComponent)]);
  if (c.via) fields.push(['note', `Republished by ${bibEscape(c.via)}`]);
  const body = fields.map(([k, v]) => (k === 'month' ? `  ${k} = ${v},` : `  ${k} = {${v}},`));
  return [`@misc{${bibKey(c.slug)},`, ...body, '}'].join('\n');
}
