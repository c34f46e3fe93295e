/**
 * Citations of an article and of one of its paragraphs: a Chicago-like reference (web page, no
 * author; the editor as printed) and a BibTeX entry. Pure and browser-safe: the article page renders
 * the article citation at build time and its script builds paragraph citations on demand.
 *
 * Missing data is left out, never invented: an undated article is cited "n.d." and has no year.
 */

export interface CiteSource {
  /** The article's slug: the BibTeX key. */
  slug: string;
  title: string;
  source?: string | undefined;
  series?: string | undefined;
  via?: string | undefined;
  editor?: string | undefined;
  dateStart?: string | undefined;
  dateEnd?: string | undefined;
  /** The article's canonical URL. */
  url: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const BIB_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const EXCERPT_WORDS = 12;

interface Ymd {
  y: string;
  m: number;
  d: number;
}

/** Splits `YYYY-MM-DD` without `Date`, so no time zone can move the day. */
function parseIso(iso: string): Ymd {
  const [y = '', m = '1', d = '1'] = iso.split('-');
  return { y, m: Number(m) - 1, d: Number(d) };
}

/** "September 18, 2020"; a range shares what it can: "September 18–24, 2020", "March 22–April 5, 2020". */
export function formatDateRange(start?: string, end?: string): string | undefined {
  if (!start) return undefined;
  const a = parseIso(start);
  const monthDay = (x: Ymd) => `${MONTHS[x.m]} ${x.d}`;
  if (!end || end === start) return `${monthDay(a)}, ${a.y}`;
  const b = parseIso(end);
  if (a.y !== b.y) return `${monthDay(a)}, ${a.y}–${monthDay(b)}, ${b.y}`;
  if (a.m !== b.m) return `${monthDay(a)}–${monthDay(b)}, ${a.y}`;
  return `${monthDay(a)}–${b.d}, ${a.y}`;
}

/**
 * `“Title.”` (Chicago): quotes inside the title become single, and the period goes inside every
 * closing quote, unless the title already ends in its own mark.
 */
export function quotedTitle(title: string): string {
  const t = title.trim().replace(/“/g, '‘').replace(/”/g, '’').replace(/"([^"]*)"/g, '‘$1’');
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
  const key = slug.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9:_-]+/g, '-').replace(/^-+|-+$/g, '');
  return key || 'article';
}

/** A BibTeX `@misc` entry for the article (with biblatex's `date` for ranges). */
export function bibtex(c: CiteSource): string {
  const fields: [string, string][] = [['title', `{${bibEscape(c.title)}}`]];
  if (c.editor) fields.push(['editor', bibEscape(c.editor)]);
  if (c.source) fields.push(['howpublished', bibEscape(c.source)]);
  if (c.series) fields.push(['series', bibEscape(c.series)]);
  if (c.dateStart) {
    const start = parseIso(c.dateStart);
    fields.push(['year', start.y], ['month', BIB_MONTHS[start.m] ?? '']);
    fields.push(['date', c.dateEnd && c.dateEnd !== c.dateStart ? `${c.dateStart}/${c.dateEnd}` : c.dateStart]);
  }
  // Braces cannot occur in a serialised URL; `%` and `#` are fine inside `url`.
  fields.push(['url', c.url.replace(/[{}\s]/g, encodeURIComponent)]);
  if (c.via) fields.push(['note', `Republished by ${bibEscape(c.via)}`]);
  const body = fields.map(([k, v]) => (k === 'month' ? `  ${k} = ${v},` : `  ${k} = {${v}},`));
  return [`@misc{${bibKey(c.slug)},`, ...body, '}'].join('\n');
}
