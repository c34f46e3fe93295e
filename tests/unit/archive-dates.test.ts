import { describe, expect, it } from 'vitest';
import { formatDateRange, monthsCovered } from '../../src/lib/archive/dates.ts';

describe('formatDateRange', () => {
  it('prints a single day in full', () => {
    expect(formatDateRange('2020-09-24')).toBe('24 September 2020');
  });

  it('prints a range ending on its start day as that day', () => {
    expect(formatDateRange('2020-09-24', '2020-09-24')).toBe('24 September 2020');
  });

  it('prints a range within a month with the month once and an unspaced en dash', () => {
    expect(formatDateRange('2021-05-13', '2021-05-27')).toBe('13–27 May 2021');
  });

  it('prints a range across months with the year once and a spaced en dash', () => {
    expect(formatDateRange('2020-03-22', '2020-04-05')).toBe('22 March – 5 April 2020');
  });

  it('prints a range across years in full on both sides', () => {
    expect(formatDateRange('2020-12-28', '2021-01-03')).toBe('28 December 2020 – 3 January 2021');
  });

  it('prints nothing for an undated article', () => {
    expect(formatDateRange(undefined)).toBeUndefined();
  });
});

describe('monthsCovered', () => {
  it('gives one month for a single day', () => {
    expect(monthsCovered('2020-09-24')).toEqual([{ year: 2020, month: 9 }]);
  });

  it('gives both months of a range crossing a month boundary', () => {
    expect(monthsCovered('2020-03-22', '2020-04-05')).toEqual([
      { year: 2020, month: 3 },
      { year: 2020, month: 4 },
    ]);
  });

  it('walks across a year boundary', () => {
    expect(monthsCovered('2020-11-30', '2021-02-01')).toEqual([
      { year: 2020, month: 11 },
      { year: 2020, month: 12 },
      { year: 2021, month: 1 },
      { year: 2021, month: 2 },
    ]);
  });
});
