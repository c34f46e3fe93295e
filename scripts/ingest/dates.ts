/**
 * Date lines as printed in the mastheads: "May 13, 2021 – May 27, 2021 Editor: Dr. Raz Zimmt",
 * "SEPTEMBER 24, 2020 12:44", "24 September 2020", "2020-09-24", "May 13–27, 2021". Only a line that
 * is a date line as a whole counts: a date inside a sentence never dates an article.
 */

import { isoDay, MONTHS } from '../../src/lib/archive/dates.ts';

export interface IsoRange {
  start: string;
  end?: string;
}

export interface DateLine extends IsoRange {
  editor?: string;
}

const MONTHS_LOWER = MONTHS.map((m) => m.toLowerCase());

const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DASH = '\\s*[–—-]\\s*';
const TIME = '(?:,?\\s+\\d{1,2}:\\d{2}(?:\\s*[ap]\\.?m\\.?)?)?';
const EDITOR = '(?:\\s*[|,–—-]?\\s*Editor:\\s*(?<editor>\\S.*?))?';

/** Each pattern names its groups: m1/d1/y1 for the start, m2/d2/y2 for the end. */
const PATTERNS: RegExp[] = [
  // May 13, 2021 – May 27, 2021 | May 13 – May 27, 2021
  new RegExp(
    `^(?<m1>${MONTH})\\s+(?<d1>\\d{1,2}),?(?:\\s+(?<y1>\\d{4}))?${DASH}(?<m2>${MONTH})\\s+(?<d2>\\d{1,2}),?\\s+(?<y2>\\d{4})${EDITOR}$`,
    'iu',
  ),
  // May 13–27, 2021
  new RegExp(`^(?<m1>${MONTH})\\s+(?<d1>\\d{1,2})${DASH}(?<d2>\\d{1,2}),?\\s+(?<y2>\\d{4})${EDITOR}$`, 'iu'),
  // SEPTEMBER 24, 2020 12:44
  new RegExp(`^(?<m1>${MONTH})\\s+(?<d1>\\d{1,2}),?\\s+(?<y1>\\d{4})${TIME}${EDITOR}$`, 'iu'),
  // 22 March 2020 – 5 April 2020 | 22 March – 5 April 2020
  new RegExp(
    `^(?<d1>\\d{1,2})\\s+(?<m1>${MONTH})(?:\\s+(?<y1>\\d{4}))?${DASH}(?<d2>\\d{1,2})\\s+(?<m2>${MONTH})\\s+(?<y2>\\d{4})${EDITOR}$`,
    'iu',
  ),
  // 24 September 2020
  new RegExp(`^(?<d1>\\d{1,2})\\s+(?<m1>${MONTH}),?\\s+(?<y1>\\d{4})${TIME}${EDITOR}$`, 'iu'),
  // 2020-09-24 | 2020-03-22 – 2020-04-05
  new RegExp(
    `^(?<y1>\\d{4})-(?<n1>\\d{2})-(?<d1>\\d{2})(?:${DASH}(?<y2>\\d{4})-(?<n2>\\d{2})-(?<d2>\\d{2}))?${TIME}${EDITOR}$`,
    'u',
  ),
];

function monthNumber(name: string | undefined, numeric: string | undefined): number | undefined {
  if (numeric !== undefined) return Number(numeric);
  if (name === undefined) return undefined;
  const key = name.toLowerCase().replace(/\.$/, '');
  const index = MONTHS_LOWER.findIndex((m) => m.startsWith(key.slice(0, 3)));
  return index === -1 ? undefined : index + 1;
}

export type DateLineResult = { ok: true; value: DateLine } | { ok: false; reason: string } | undefined;

function fromGroups(g: Record<string, string | undefined>): DateLineResult {
  const y2 = g.y2 === undefined ? undefined : Number(g.y2);
  const y1 = g.y1 === undefined ? y2 : Number(g.y1);
  const m1 = monthNumber(g.m1, g.n1);
  const m2 = monthNumber(g.m2, g.n2) ?? m1;
  if (y1 === undefined || m1 === undefined) return undefined;
  const start = isoDay(y1, m1, Number(g.d1));
  if (!start) return { ok: false, reason: `not a calendar date: ${y1}-${m1}-${g.d1}` };
  const editor = g.editor?.trim() || undefined;
  if (g.d2 === undefined || y2 === undefined || m2 === undefined)
    return { ok: true, value: { start, editor } };
  const end = isoDay(y2, m2, Number(g.d2));
  if (!end) return { ok: false, reason: `not a calendar date: ${y2}-${m2}-${g.d2}` };
  if (end < start) return { ok: false, reason: `the range ends (${end}) before it starts (${start})` };
  return { ok: true, value: { start, end: end === start ? undefined : end, editor } };
}

/** Parses a whole line as a date line; undefined when the line is something else. */
export function parseDateLine(line: string): DateLineResult {
  const text = line.trim().replace(/\s+/g, ' ');
  if (text.length > 120) return undefined;
  for (const pattern of PATTERNS) {
    const match = pattern.exec(text);
    if (match?.groups) return fromGroups(match.groups);
  }
  return undefined;
}
