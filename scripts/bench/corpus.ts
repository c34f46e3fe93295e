/**
 * The synthetic raw corpus for the benchmark: N raw `.txt` articles made from the samples in
 * `content/raw`. Each keeps its sample's layout line for line (masthead, title lines, date line,
 * headings, bullets, captions, footnotes, trailing boilerplate) so the ingester and the site see
 * the shapes they see in real data; what changes is the date (spread over a decade), the title
 * (made unique) and the order of the body's paragraphs and of its bullets (reshuffled).
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ingestBytes } from '../ingest/article.ts';
import { decode } from '../ingest/decode.ts';
import { loadCurated } from '../ingest/curated.ts';

/** One sample, split into what the generator rewrites and what it keeps. */
export interface Template {
  name: string;
  lines: string[];
  /** Line numbers that hold the title exactly as the ingester reads it. */
  titleLines: number[];
  title: string;
  /** The line whose dates the ingester takes as the article's date, if any. */
  dateLine?: number;
  /** Days from the first to the last date of the sample's period (0 for a single date). */
  spanDays: number;
  /** Body lines whose text is reshuffled, by kind; everything else stays where it is. */
  prose: number[];
  bullets: number[];
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const DATE_RE =
  /\b(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2}), (\d{4})\b/gi;
const BULLET_RE = /^(\s*[•▪●·]\s+)(.*)$/;
const DAY_MS = 86_400_000;
/** The decade the dates are spread over: 2015-01-01 … 2024-12-31. */
const FIRST_DAY = Date.UTC(2015, 0, 1);
const DECADE_DAYS = 3653;

const isoOf = (m: RegExpMatchArray): string =>
  `${m[3]}-${String(MONTHS.indexOf(m[1]!.toLowerCase()) + 1).padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;

const dayDiff = (a: string, b: string): number => Math.round((Date.parse(b) - Date.parse(a)) / DAY_MS);

/** Prose paragraphs long enough to be body text, not a caption (which ends in its credit). */
const isProse = (line: string): boolean =>
  line.length >= 160 && !/\)\s*$/.test(line) && !BULLET_RE.test(line);

function findDateLine(lines: string[], dateStart: string | undefined, before: number): number | undefined {
  if (dateStart === undefined) return undefined;
  const index = lines
    .slice(0, before)
    .findIndex((line) => [...line.matchAll(DATE_RE)].some((m) => isoOf(m) === dateStart));
  return index < 0 ? undefined : index;
}

/** Reads a sample through the real ingester, to learn which lines are its title and its date. */
export function templateOf(
  name: string,
  bytes: Uint8Array,
  curated: Parameters<typeof ingestBytes>[2],
): Template {
  const result = ingestBytes(bytes, name, curated);
  if (!result.ok)
    throw new Error(
      `bench: sample ${name} does not ingest: ${result.diagnostics.map((d) => d.message).join('; ')}`,
    );
  const { title, dateStart, dateEnd } = result.data;
  const lines = decode(bytes).text.split(/\r?\n/);
  const titleLines = lines.flatMap((line, i) => (line.trim() === title ? [i] : []));
  const dateLine = findDateLine(lines, dateStart, 15);
  // The header runs to the line after the last title or date line (subtitle, caption): kept as is.
  const bodyFrom = Math.max(-1, ...titleLines, dateLine ?? -1) + 2;
  const body = lines.map((line, i) => ({ line, i })).filter(({ i }) => i >= bodyFrom);
  return {
    name,
    lines,
    titleLines,
    title,
    dateLine,
    spanDays: dateStart && dateEnd ? dayDiff(dateStart, dateEnd) : 0,
    prose: body.filter(({ line }) => isProse(line)).map(({ i }) => i),
    bullets: body.filter(({ line }) => BULLET_RE.test(line) && line.length >= 60).map(({ i }) => i),
  };
}

/** mulberry32: a small seeded generator, so the same N always gives the same corpus. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Article i's first day. 7919 is prime to 3653, so the first 3653 articles get distinct days
 * spread over the whole decade; later ones repeat days but get longer periods (see `articleAt`),
 * which keeps (first day, last day) and so the titles of dated series bulletins unique.
 */
export function dayOf(index: number): Date {
  return new Date(FIRST_DAY + ((index * 7919) % DECADE_DAYS) * DAY_MS);
}

/** Writes a date in the case the sample used: `September 24, 2020` or `SEPTEMBER 24, 2020`. */
function formatDate(date: Date, like: string): string {
  const month = MONTHS[date.getUTCMonth()]!;
  const name = like === like.toUpperCase() ? month.toUpperCase() : month[0]!.toUpperCase() + month.slice(1);
  return `${name} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
}

function redate(line: string, start: Date, end: Date): string {
  let n = 0;
  return line.replace(DATE_RE, (match) => formatDate(n++ === 0 ? start : end, match));
}

/** Article `index` (0-based) made from `template`. */
export function articleAt(template: Template, index: number): string {
  const random = seededRandom(index + 1);
  const lines = [...template.lines];
  const title = `${template.title} (No. ${index + 1})`;
  for (const i of template.titleLines) lines[i] = lines[i]!.replace(template.title, title);
  if (template.dateLine !== undefined) {
    const start = dayOf(index);
    const span = template.spanDays + Math.floor(index / DECADE_DAYS);
    lines[template.dateLine] = redate(
      lines[template.dateLine]!,
      start,
      new Date(start.getTime() + span * DAY_MS),
    );
  }
  const prose = shuffled(
    template.prose.map((i) => template.lines[i]!),
    random,
  );
  template.prose.forEach((at, k) => (lines[at] = prose[k]!));
  const bullets = shuffled(
    template.bullets.map((i) => BULLET_RE.exec(template.lines[i]!)![2]!),
    random,
  );
  template.bullets.forEach(
    (at, k) => (lines[at] = `${BULLET_RE.exec(template.lines[at]!)![1]}${bullets[k]}`),
  );
  return lines.join('\n');
}

/** The samples as templates, in file-name order. */
export async function loadTemplates(sampleDir: string, curatedDir: string): Promise<Template[]> {
  const curated = await loadCurated(curatedDir);
  const names = (await readdir(sampleDir)).filter((f) => f.endsWith('.txt')).sort();
  if (names.length === 0) throw new Error(`bench: no .txt samples in ${sampleDir}`);
  return Promise.all(
    names.map(async (name) => templateOf(name, await readFile(path.join(sampleDir, name)), curated)),
  );
}

export const rawNameOf = (template: Template, index: number): string =>
  `${String(index).padStart(6, '0')}_${template.name.replace(/^\d+_/, '')}`;

/** Writes articles `from` … `to - 1` into `outDir`, cycling through the templates. */
export async function writeCorpus(
  templates: Template[],
  outDir: string,
  from: number,
  to: number,
): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const names: string[] = [];
  for (let index = from; index < to; index++) {
    const template = templates[index % templates.length]!;
    const name = rawNameOf(template, index);
    await writeFile(path.join(outDir, name), articleAt(template, index));
    names.push(name);
  }
  return names;
}
