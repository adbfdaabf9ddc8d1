// Office hours: parsing STAFF_HOURS, open or not, the next opening across weekends, holidays and DST, and its wording.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LANGS } from '../../../agents/language/languages.ts';
import { addDays, luxembourgHolidays } from '../../../agents/staff/holidays.ts';
import { DAYS, describeOpening, isOpen, nextOpening, parseStaffHours, StaffHoursSchema, TIME_ZONE } from '../../../agents/staff/hours.ts';
import { createI18n } from '../../../locales/index.ts';

const OFFICE = parseStaffHours('mon-fri 09:00-17:00');
const utc = (iso: string) => new Date(iso);
const next = (schedule: ReturnType<typeof parseStaffHours>, iso: string) => nextOpening(schedule, utc(iso)).toISOString();
const localClock = (at: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
const i18n = createI18n();

describe('parseStaffHours', () => {
  it.each([
    ['mon-fri 09:00-17:00', [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: 540, close: 1020 }]],
    ['sat 10:00-12:00', [{ days: ['sat'], open: 600, close: 720 }]],
    ['mon-thu 08:30-17:30; fri 08:30-16:00', [{ days: ['mon', 'tue', 'wed', 'thu'], open: 510, close: 1050 }, { days: ['fri'], open: 510, close: 960 }]],
    ['mon-thu 08:30-17:30, fri 08:30-16:00', [{ days: ['mon', 'tue', 'wed', 'thu'], open: 510, close: 1050 }, { days: ['fri'], open: 510, close: 960 }]],
    [' Mon - Fri  9:00 - 12:00 ;MON-FRI 13:00-17:00; ', [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: 540, close: 720 }, { days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: 780, close: 1020 }]],
    ['fri-mon 10:00-11:00', [{ days: ['fri', 'sat', 'sun', 'mon'], open: 600, close: 660 }]],
    ['sun 00:00-24:00', [{ days: ['sun'], open: 0, close: 1440 }]],
  ])('reads %j', (text, schedule) => {
    expect(parseStaffHours(text)).toEqual(schedule);
  });

  it.each([
    ['', 'give at least one range, e.g. "mon-fri 09:00-17:00"'],
    [' ; ', 'give at least one range'],
    ['monday-friday 09:00-17:00', '"monday-friday 09:00-17:00": days are sun, mon, tue, wed, thu, fri, sat'],
    ['mon-fri 09:00-1700', '"mon-fri 09:00-1700": expected "<day>[-<day>] HH:MM-HH:MM"'],
    ['mon-fri', '"mon-fri": expected'],
    ['mon-fri 17:00-09:00', '"mon-fri 17:00-09:00": it must close after it opens, on the same day'],
    ['mon-fri 09:00-09:00', 'it must close after it opens'],
    ['mon-fri 09:00-25:00', '"mon-fri 09:00-25:00": times run from 00:00 to 24:00'],
    ['mon-fri 09:60-17:00', 'times run from 00:00 to 24:00'],
    ['mon-fri 09:00-17:00; funday 10:00-11:00', '"funday 10:00-11:00": days are'],
  ])('refuses %j, saying %j', (text, message) => {
    expect(() => parseStaffHours(text)).toThrow(message);
  });

  it('names every bad range in one message', () => {
    expect(() => parseStaffHours('mon-fri 9-5; sat 12:00-10:00')).toThrow(
      'Invalid staff hours: "mon-fri 9-5": expected "<day>[-<day>] HH:MM-HH:MM", e.g. "mon-fri 09:00-17:00" or "mon-thu 08:30-17:30; fri 08:30-16:00"; "sat 12:00-10:00": it must close after it opens, on the same day',
    );
  });

  it('serves as the STAFF_HOURS line of the env schema, default included', () => {
    const Env = z.object({ STAFF_HOURS: z.string().default('mon-fri 09:00-17:00').pipe(StaffHoursSchema) });
    expect(Env.parse({}).STAFF_HOURS).toEqual(OFFICE);
    expect(Env.parse({ STAFF_HOURS: 'sat 10:00-12:00' }).STAFF_HOURS).toEqual(parseStaffHours('sat 10:00-12:00'));
    const issues = Env.safeParse({ STAFF_HOURS: 'mon-fri 9-5' }).error?.issues ?? [];
    expect(issues.map((issue) => issue.path.join('.'))).toEqual(['STAFF_HOURS.0']);
  });
});

describe('isOpen', () => {
  it.each([
    ['2026-03-27T07:59:59Z', false, 'Friday 08:59 CET'],
    ['2026-03-27T08:00:00Z', true, 'Friday 09:00 CET'],
    ['2026-03-27T15:59:59Z', true, 'Friday 16:59 CET'],
    ['2026-03-27T16:00:00Z', false, 'Friday 17:00 CET'],
    ['2026-03-28T10:00:00Z', false, 'Saturday'],
    ['2026-03-30T06:59:59Z', false, 'Monday 08:59 CEST, after the switch'],
    ['2026-03-30T07:00:00Z', true, 'Monday 09:00 CEST'],
    ['2026-03-30T15:00:00Z', false, 'Monday 17:00 CEST'],
    ['2026-10-23T07:00:00Z', true, 'Friday 09:00 CEST, before the switch back'],
    ['2026-10-26T07:30:00Z', false, 'Monday 08:30 CET, after it'],
    ['2026-10-26T08:00:00Z', true, 'Monday 09:00 CET'],
    ['2026-06-23T10:00:00Z', false, 'National Day, a Tuesday'],
    ['2026-06-24T10:00:00Z', true, 'the Wednesday after'],
    ['2026-04-06T10:00:00Z', false, 'Easter Monday'],
    ['2026-05-14T10:00:00Z', false, 'Ascension, a Thursday'],
    ['2024-05-09T10:00:00Z', false, 'Ascension on Europe Day, 2024'],
    ['2026-01-01T10:00:00Z', false, 'New Year, a Thursday'],
  ])('%s → %s (%s)', (iso, open) => {
    expect(isOpen(OFFICE, utc(iso))).toBe(open);
  });

  it('is open, 2024–2030, exactly on weekdays that are not public holidays (checked at 10:00 UTC daily)', () => {
    for (let year = 2024; year <= 2030; year++) {
      const holidays = luxembourgHolidays(year).map((h) => h.date);
      for (let date = `${year}-01-01`; date.startsWith(String(year)); date = addDays(date, 1)) {
        const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
        const expected = weekday >= 1 && weekday <= 5 && !holidays.includes(date);
        expect(isOpen(OFFICE, utc(`${date}T10:00:00Z`)), date).toBe(expected);
      }
    }
  });

  it('follows several ranges a day, such as a lunch break', () => {
    const split = parseStaffHours('mon-fri 09:00-12:00; mon-fri 13:00-17:00');
    expect(isOpen(split, utc('2026-02-02T10:59:00Z'))).toBe(true);
    expect(isOpen(split, utc('2026-02-02T11:30:00Z'))).toBe(false);
    expect(isOpen(split, utc('2026-02-02T12:00:00Z'))).toBe(true);
  });
});

describe('nextOpening', () => {
  it('is the moment itself during office hours', () => {
    expect(next(OFFICE, '2026-03-27T10:15:00Z')).toBe('2026-03-27T10:15:00.000Z');
  });

  it.each([
    ['2026-03-27T05:00:00Z', '2026-03-27T08:00:00.000Z', 'Friday early → 09:00 CET the same day'],
    ['2026-03-27T16:00:00Z', '2026-03-30T07:00:00.000Z', 'Friday 17:00 CET → Monday 09:00 CEST across the March switch'],
    ['2026-03-29T00:30:00Z', '2026-03-30T07:00:00.000Z', 'the switch night, before 02:00 CET'],
    ['2026-03-29T01:30:00Z', '2026-03-30T07:00:00.000Z', 'the switch night, after it'],
    ['2026-10-23T15:00:00Z', '2026-10-26T08:00:00.000Z', 'Friday 17:00 CEST → Monday 09:00 CET across the October switch'],
    ['2026-10-25T00:30:00Z', '2026-10-26T08:00:00.000Z', 'the repeated hour, first time'],
    ['2026-10-25T01:30:00Z', '2026-10-26T08:00:00.000Z', 'the repeated hour, second time'],
    ['2025-12-31T16:00:00Z', '2026-01-02T08:00:00.000Z', 'New Year’s Eve → past New Year (Thursday) to Friday'],
    ['2026-12-31T16:00:00Z', '2027-01-04T08:00:00.000Z', 'New Year 2027 on a Friday → Monday'],
    ['2026-12-24T16:00:00Z', '2026-12-28T08:00:00.000Z', 'Christmas Eve → past Christmas and the weekend'],
    ['2026-04-03T15:00:00Z', '2026-04-07T07:00:00.000Z', 'Good Friday (a working day) → past Easter Monday'],
    ['2026-06-22T15:00:00Z', '2026-06-24T07:00:00.000Z', 'Monday evening → past National Day (Tuesday)'],
    ['2026-05-13T15:00:00Z', '2026-05-15T07:00:00.000Z', 'Wednesday evening → past Ascension'],
    ['2026-05-22T15:00:00Z', '2026-05-26T07:00:00.000Z', 'Friday evening → past Whit Monday'],
  ])('%s → %s (%s)', (from, expected) => {
    expect(next(OFFICE, from)).toBe(expected);
  });

  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-03-30'],
    [2026, '2026-03-29'],
    [2027, '2027-03-28'],
    [2028, '2028-03-26'],
    [2029, '2029-03-25'],
    [2030, '2030-03-31'],
  ])('%i: a Sunday 09:00-17:00 schedule opens at 09:00 local on each side of the March switch (%s)', (_year, sunday) => {
    const sundays = parseStaffHours('sun 09:00-17:00');
    const before = addDays(sunday, -7);
    expect(next(sundays, `${before}T00:00:00Z`)).toBe(`${before}T08:00:00.000Z`);
    expect(next(sundays, `${sunday}T00:00:00Z`)).toBe(`${sunday}T07:00:00.000Z`);
  });

  it.each([
    [2024, '2024-10-27'],
    [2025, '2025-10-26'],
    [2026, '2026-10-25'],
    [2027, '2027-10-31'],
    [2028, '2028-10-29'],
    [2029, '2029-10-28'],
    [2030, '2030-10-27'],
  ])('%i: and on each side of the October switch (%s)', (_year, sunday) => {
    const sundays = parseStaffHours('sun 09:00-17:00');
    const before = addDays(sunday, -7);
    expect(next(sundays, `${before}T00:00:00Z`)).toBe(`${before}T07:00:00.000Z`);
    expect(next(sundays, `${sunday}T00:00:00Z`)).toBe(`${sunday}T08:00:00.000Z`);
  });

  it('always opens at 09:00 Luxembourg time, 2024–2030, asked before opening or after closing', () => {
    for (let date = '2024-01-01'; date < '2031-01-01'; date = addDays(date, 1)) {
      // 06:00 UTC is 07:00 or 08:00 in Luxembourg, 16:00 UTC is 17:00 or 18:00: closed either way.
      for (const asked of [utc(`${date}T06:00:00Z`), utc(`${date}T16:00:00Z`)]) {
        const opening = nextOpening(OFFICE, asked);
        expect(opening.getTime(), asked.toISOString()).toBeGreaterThan(asked.getTime());
        expect(localClock(opening), asked.toISOString()).toBe('09:00');
        expect(isOpen(OFFICE, opening)).toBe(true);
      }
    }
  });

  it('takes the next range the same day after a break, and a Saturday-only schedule', () => {
    expect(next(parseStaffHours('mon-fri 09:00-12:00; mon-fri 13:00-17:00'), '2026-02-02T11:30:00Z')).toBe('2026-02-02T12:00:00.000Z');
    expect(next(parseStaffHours('mon-thu 08:30-17:30; fri 08:30-16:00'), '2026-03-27T15:30:00Z')).toBe('2026-03-30T06:30:00.000Z');
    expect(next(parseStaffHours('sat 10:00-12:00'), '2026-03-23T09:00:00Z')).toBe('2026-03-28T09:00:00.000Z');
  });

  it('moves a time the March switch skips on by the lost hour, and takes the first of a repeated hour', () => {
    const night = parseStaffHours('sun 02:30-04:00');
    expect(next(night, '2026-03-29T00:00:00Z')).toBe('2026-03-29T01:30:00.000Z');
    expect(isOpen(night, utc('2026-03-29T01:15:00Z'))).toBe(false);
    expect(next(night, '2026-10-25T00:00:00Z')).toBe('2026-10-25T00:30:00.000Z');
    expect(isOpen(night, utc('2026-10-25T01:30:00Z'))).toBe(true);
    expect(isOpen(night, utc('2026-10-25T03:00:00Z'))).toBe(false);
  });

  it('skips a weekly day that is a holiday several weeks running (Mondays over Christmas 2028)', () => {
    expect(next(parseStaffHours('mon 09:00-10:00'), '2028-12-19T12:00:00Z')).toBe('2029-01-08T08:00:00.000Z');
  });

  it('throws for a hand-made schedule without a range, rather than looping', () => {
    expect(() => nextOpening([], utc('2026-01-01T00:00:00Z'))).toThrow(RangeError);
  });
});

describe('describeOpening', () => {
  const FRIDAY_EVENING = utc('2026-03-27T17:00:00Z');
  const cases: [string, Date, Date, Record<(typeof LANGS)[number], string>][] = [
    ['today', utc('2026-03-30T07:00:00Z'), utc('2026-03-30T05:00:00Z'), {
      en: 'today at 09:00, Luxembourg time',
      fr: 'aujourd’hui à 09:00, heure de Luxembourg',
      de: 'heute um 09:00 Uhr, Luxemburger Zeit',
      lb: 'haut um 09:00 Auer, Lëtzebuerger Zäit',
    }],
    ['tomorrow', utc('2026-03-31T07:00:00Z'), utc('2026-03-30T16:00:00Z'), {
      en: 'tomorrow at 09:00, Luxembourg time',
      fr: 'demain à 09:00, heure de Luxembourg',
      de: 'morgen um 09:00 Uhr, Luxemburger Zeit',
      lb: 'muer um 09:00 Auer, Lëtzebuerger Zäit',
    }],
    ['a weekday this week', utc('2026-03-30T07:00:00Z'), FRIDAY_EVENING, {
      en: 'Monday at 09:00, Luxembourg time',
      fr: 'lundi à 09:00, heure de Luxembourg',
      de: 'am Montag um 09:00 Uhr, Luxemburger Zeit',
      lb: 'Méindeg um 09:00 Auer, Lëtzebuerger Zäit',
    }],
    ['a date beyond the week', utc('2026-04-06T07:00:00Z'), FRIDAY_EVENING, {
      en: 'Monday 6 April at 09:00, Luxembourg time',
      fr: 'lundi 6 avril à 09:00, heure de Luxembourg',
      de: 'am Montag, 6. April, um 09:00 Uhr, Luxemburger Zeit',
      lb: 'Méindeg, 6. Abrëll um 09:00 Auer, Lëtzebuerger Zäit',
    }],
    ['past New Year', utc('2026-01-02T07:30:00Z'), utc('2025-12-31T16:00:00Z'), {
      en: 'Friday at 08:30, Luxembourg time',
      fr: 'vendredi à 08:30, heure de Luxembourg',
      de: 'am Freitag um 08:30 Uhr, Luxemburger Zeit',
      lb: 'Freideg um 08:30 Auer, Lëtzebuerger Zäit',
    }],
  ];

  it.each(cases.flatMap(([name, at, now, texts]) => LANGS.map((lang) => [name, lang, at, now, texts[lang]] as const)))('%s in %s', (_name, lang, at, now, text) => {
    expect(describeOpening(at, now, i18n.forLang(lang))).toBe(text);
  });

  it('counts days on the Luxembourg calendar, not the UTC one', () => {
    const t = i18n.forLang('en');
    // 00:30 on Monday in Luxembourg is still Sunday in UTC.
    expect(describeOpening(utc('2026-03-30T07:00:00Z'), utc('2026-03-29T22:30:00Z'), t)).toBe('today at 09:00, Luxembourg time');
    // 00:30 on Saturday in Luxembourg (winter) is Friday 23:30 in UTC.
    expect(describeOpening(utc('2026-01-05T08:00:00Z'), utc('2026-01-02T23:30:00Z'), t)).toBe('Monday at 09:00, Luxembourg time');
  });

  it('names the weekday up to six days ahead and gives the date from seven', () => {
    const t = i18n.forLang('en');
    const now = utc('2026-03-31T16:00:00Z');
    expect(describeOpening(utc('2026-04-06T07:00:00Z'), now, t)).toBe('Monday at 09:00, Luxembourg time');
    expect(describeOpening(utc('2026-04-07T07:00:00Z'), now, t)).toBe('Tuesday 7 April at 09:00, Luxembourg time');
  });

  it('describes what nextOpening finds over Easter 2026 in every language', () => {
    const at = nextOpening(OFFICE, utc('2026-04-03T15:00:00Z'));
    expect(LANGS.map((lang) => describeOpening(at, utc('2026-04-03T15:00:00Z'), i18n.forLang(lang)))).toEqual([
      'Tuesday at 09:00, Luxembourg time',
      'mardi à 09:00, heure de Luxembourg',
      'am Dienstag um 09:00 Uhr, Luxemburger Zeit',
      'Dënschdeg um 09:00 Auer, Lëtzebuerger Zäit',
    ]);
  });

  // The names are kept in the locale files because workerd's ICU has no Luxembourgish (it falls back to English);
  // Node's full ICU has it, so it checks the lists here.
  it.each(LANGS)('%s: weekday and month names match the CLDR names of Node’s ICU', (lang) => {
    const t = i18n.forLang(lang);
    for (let day = 0; day < 7; day++) {
      const date = new Date(Date.UTC(2026, 2, 29 + day));
      const name = new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(date);
      expect(t(`chat:staff.hours.weekday.${DAYS[date.getUTCDay()]}`)).toBe(name);
    }
    const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
    months.forEach((key, month) => {
      const parts = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(2026, month, 6)));
      expect(t(`chat:staff.hours.month.${key}`)).toBe(parts.find((part) => part.type === 'month')?.value);
    });
  });
});
