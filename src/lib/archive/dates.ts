/**
 * Dates as people read them, for the site and the ingester alike. Front-matter holds ISO days
 * (`YYYY-MM-DD`); pages print "24 September 2020", "13–27 May 2021", "22 March – 5 April 2020";
 * titles and citations the month first: "May 13–27, 2021". Everything is computed on calendar
 * fields, never through `Date` and a time zone, so a build in any zone prints the same.
 */

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** A calendar day: month is 1–12. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

/** A calendar month: month is 1–12. */
export interface Month {
  year: number;
  month: number;
}

/** `YYYY-MM-DD` for a real calendar day, else undefined (February 30 is not a date). */
export function isoDay(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return date.toISOString().slice(0, 10);
}

/** Reads `YYYY-MM-DD`; the schema has already checked the shape. */
export function parseDay(iso: string): Day {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
}

export function monthName(month: number): string {
  return MONTHS[month - 1];
}

/** `05` for May: the zero-padded segment used in `/dates/2021/05/`. */
export function monthSegment(month: number): string {
  return String(month).padStart(2, '0');
}

/** "May 2021". */
export function formatMonth({ year, month }: Month): string {
  return `${monthName(month)} ${year}`;
}

/** "24 September 2020". */
export function formatDay({ year, month, day }: Day): string {
  return `${day} ${monthName(month)} ${year}`;
}

/** How a day is written: `day-month` ("24 September 2020", the site) or `month-day` ("September 24, 2020"). */
export type DateOrder = 'day-month' | 'month-day';

/**
 * The period an article covers, or undefined when it states none (a date is never invented).
 * Shared parts are printed once; an en dash joins the ends, spaced when either end has spaces:
 * "13–27 May 2021", "22 March – 5 April 2020"; month first: "May 13–27, 2021", "March 22 – April 5, 2020".
 */
export function formatDateRange(
  start?: string,
  end?: string,
  order: DateOrder = 'day-month',
): string | undefined {
  if (start === undefined) return undefined;
  const a = parseDay(start);
  const day = order === 'day-month' ? formatDay : formatDayMonthFirst;
  if (end === undefined || end === start) return day(a);
  const b = parseDay(end);
  if (a.year !== b.year) return `${day(a)} – ${day(b)}`;
  if (order === 'month-day') {
    if (a.month !== b.month) return `${monthName(a.month)} ${a.day} – ${day(b)}`;
    return `${monthName(a.month)} ${a.day}–${b.day}, ${b.year}`;
  }
  if (a.month !== b.month) return `${a.day} ${monthName(a.month)} – ${formatDay(b)}`;
  return `${a.day}–${formatDay(b)}`;
}

/** "September 24, 2020". */
export function formatDayMonthFirst({ year, month, day }: Day): string {
  return `${monthName(month)} ${day}, ${year}`;
}

/** Every month a period touches, in order; a single day touches one month. */
export function monthsCovered(start: string, end: string = start): Month[] {
  const a = parseDay(start);
  const b = parseDay(end);
  const months: Month[] = [];
  for (let y = a.year, m = a.month; y < b.year || (y === b.year && m <= b.month);) {
    months.push({ year: y, month: m });
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return months;
}

/** `2021-05`: a sortable key for a month. */
export function monthKey({ year, month }: Month): string {
  return `${year}-${monthSegment(month)}`;
}
