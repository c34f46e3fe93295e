/** Every calendar year an article's date range touches: a bulletin of 28 Dec 2020 – 3 Jan 2021
 * belongs to both 2020 and 2021 for the year filter. Undated articles have none. */
export function yearsCovered(dateStart?: string, dateEnd?: string): string[] {
  const start = yearOf(dateStart);
  if (start === undefined) return [];
  const end = Math.max(start, yearOf(dateEnd) ?? start);
  const years: string[] = [];
  for (let y = start; y <= end; y++) years.push(String(y).padStart(4, '0'));
  return years;
}

function yearOf(date?: string): number | undefined {
  const match = date ? /^(\d{4})-\d{2}-\d{2}$/.exec(date) : null;
  return match ? Number(match[1]) : undefined;
}
