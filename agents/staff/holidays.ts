// Luxembourg's legal public holidays for any year, computed (no table to keep up to date): the days staff are off.
import { DAY_MS } from '../ports.ts';

export const HOLIDAY_NAMES = [
  'new_year',
  'easter_monday',
  'labour_day',
  'europe_day',
  'ascension',
  'whit_monday',
  'national_day',
  'assumption',
  'all_saints',
  'christmas',
  'st_stephen',
] as const;
export type HolidayName = (typeof HOLIDAY_NAMES)[number];
export type Holiday = { date: string; name: HolidayName };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A calendar date as `YYYY-MM-DD`; month is 1-based. Date.UTC carries overflowing days into the next month. */
export const isoDate = (year: number, month: number, day: number): string => {
  const d = new Date(Date.UTC(year, month - 1, day));
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

/** The calendar date `days` after `iso` (`YYYY-MM-DD`), counted in whole days whatever the clocks do. */
export const addDays = (iso: string, days: number): string => {
  const d = new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
};

/**
 * Easter Sunday (`YYYY-MM-DD`) by the anonymous Gregorian computus (Meeus/Jones/Butcher), valid for every year of
 * the Gregorian calendar (1583 on).
 */
export function easterSunday(year: number): string {
  if (!Number.isInteger(year) || year < 1583) throw new RangeError(`easterSunday: ${year} is not a Gregorian year`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

/**
 * The eleven legal public holidays (Code du travail, art. L.232-2; Europe Day since 2019), in date order. Two can
 * share a date (2024: Ascension on 9 May): both are listed, since a caller asking "is this day off" only needs one.
 */
export function luxembourgHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const holidays: Holiday[] = [
    { date: isoDate(year, 1, 1), name: 'new_year' },
    { date: addDays(easter, 1), name: 'easter_monday' },
    { date: isoDate(year, 5, 1), name: 'labour_day' },
    { date: isoDate(year, 5, 9), name: 'europe_day' },
    { date: addDays(easter, 39), name: 'ascension' },
    { date: addDays(easter, 50), name: 'whit_monday' },
    { date: isoDate(year, 6, 23), name: 'national_day' },
    { date: isoDate(year, 8, 15), name: 'assumption' },
    { date: isoDate(year, 11, 1), name: 'all_saints' },
    { date: isoDate(year, 12, 25), name: 'christmas' },
    { date: isoDate(year, 12, 26), name: 'st_stephen' },
  ];
  return holidays.sort((x, y) => x.date.localeCompare(y.date));
}
