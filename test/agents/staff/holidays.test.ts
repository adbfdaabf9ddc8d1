// Easter and Luxembourg's public holidays: known dates, and the rules checked over many years.
import { describe, expect, it } from 'vitest';
import { addDays, easterSunday, HOLIDAY_NAMES, luxembourgHolidays } from '../../../agents/staff/holidays.ts';

// An independent computus (Lilius/Clavius as given by Claus Tøndering) to check ours against year after year.
const easterByTondering = (year: number): string => {
  const g = year % 19;
  const c = Math.floor(year / 100);
  const h = (c - Math.floor(c / 4) - Math.floor((8 * c + 13) / 25) + 19 * g + 15) % 30;
  const i = h - Math.floor(h / 28) * (1 - Math.floor(29 / (h + 1)) * Math.floor((21 - g) / 11));
  const j = (year + Math.floor(year / 4) + i + 2 - c + Math.floor(c / 4)) % 7;
  const l = i - j;
  const month = 3 + Math.floor((l + 40) / 44);
  const day = l + 28 - 31 * Math.floor(month / 4);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};
const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;
const YEARS = [2024, 2025, 2026, 2027, 2028, 2029, 2030];

describe('easterSunday', () => {
  it.each([
    [1583, '1583-04-10'],
    [1818, '1818-03-22'],
    [1943, '1943-04-25'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('%i → %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('agrees with an independent computus and is a Sunday from 22 March to 25 April, 1583–4099', () => {
    for (let year = 1583; year <= 4099; year++) {
      const easter = easterSunday(year);
      expect(easter, String(year)).toBe(easterByTondering(year));
      expect(weekday(easter), easter).toBe(0);
      expect(easter.slice(5) >= '03-22' && easter.slice(5) <= '04-25', easter).toBe(true);
    }
  });

  it.each([1582, 2024.5, Number.NaN])('refuses %s, which is no Gregorian year', (year) => {
    expect(() => easterSunday(year)).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it('crosses months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-29', -1)).toBe('2026-03-28');
  });
});

describe('luxembourgHolidays', () => {
  it('lists the eleven legal holidays of 2026 in date order', () => {
    expect(luxembourgHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'new_year' },
      { date: '2026-04-06', name: 'easter_monday' },
      { date: '2026-05-01', name: 'labour_day' },
      { date: '2026-05-09', name: 'europe_day' },
      { date: '2026-05-14', name: 'ascension' },
      { date: '2026-05-25', name: 'whit_monday' },
      { date: '2026-06-23', name: 'national_day' },
      { date: '2026-08-15', name: 'assumption' },
      { date: '2026-11-01', name: 'all_saints' },
      { date: '2026-12-25', name: 'christmas' },
      { date: '2026-12-26', name: 'st_stephen' },
    ]);
  });

  it('keeps both holidays when Ascension falls on Europe Day (2024)', () => {
    expect(luxembourgHolidays(2024).filter((h) => h.date === '2024-05-09').map((h) => h.name)).toEqual(['europe_day', 'ascension']);
  });

  it.each([
    [2024, '2024-04-01', '2024-05-09', '2024-05-20'],
    [2025, '2025-04-21', '2025-05-29', '2025-06-09'],
    [2027, '2027-03-29', '2027-05-06', '2027-05-17'],
    [2030, '2030-04-22', '2030-05-30', '2030-06-10'],
    [2038, '2038-04-26', '2038-06-03', '2038-06-14'],
  ])('%i: Easter Monday %s, Ascension %s, Whit Monday %s', (year, easterMonday, ascension, whitMonday) => {
    const byName = Object.fromEntries(luxembourgHolidays(year).map((h) => [h.name, h.date]));
    expect([byName.easter_monday, byName.ascension, byName.whit_monday]).toEqual([easterMonday, ascension, whitMonday]);
  });

  it.each(YEARS)('%i: every name once, sorted, movable feasts at Easter + 1, 39 and 50 days', (year) => {
    const holidays = luxembourgHolidays(year);
    expect(holidays.map((h) => h.name).sort()).toEqual([...HOLIDAY_NAMES].sort());
    expect(holidays.map((h) => h.date)).toEqual(holidays.map((h) => h.date).sort());
    expect(holidays.every((h) => h.date.startsWith(`${year}-`))).toBe(true);
    const byName = Object.fromEntries(holidays.map((h) => [h.name, h.date]));
    const easter = easterSunday(year);
    expect(daysBetween(easter, byName.easter_monday!)).toBe(1);
    expect(daysBetween(easter, byName.ascension!)).toBe(39);
    expect(daysBetween(easter, byName.whit_monday!)).toBe(50);
    expect([weekday(byName.easter_monday!), weekday(byName.ascension!), weekday(byName.whit_monday!)]).toEqual([1, 4, 1]);
    expect([byName.new_year, byName.labour_day, byName.europe_day, byName.national_day, byName.assumption, byName.all_saints, byName.christmas, byName.st_stephen]).toEqual(
      ['01-01', '05-01', '05-09', '06-23', '08-15', '11-01', '12-25', '12-26'].map((day) => `${year}-${day}`),
    );
  });
});
