// Staff office hours in Luxembourg local time: parse STAFF_HOURS, tell whether staff are in and when they are back.
import { z } from 'zod';
import type { Translate } from '../../locales/index.ts';
import { DAY_MS } from '../ports.ts';
import { addDays, luxembourgHolidays } from './holidays.ts';

export const TIME_ZONE = 'Europe/Luxembourg';
/** Indexed like `Date#getUTCDay()`; the names STAFF_HOURS uses and the locale keys `staff.hours.weekday.*`. */
export const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const EXAMPLE = '"mon-fri 09:00-17:00" or "mon-thu 08:30-17:30; fri 08:30-16:00"';
// A day or a day range, then a time range: "mon-fri 09:00-17:00", "sat 10:00-12:00".
const RANGE = /^([a-z]+)(?:\s*-\s*([a-z]+))?\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/;
// Wall-clock parts in Luxembourg; en-US with h23 gives plain digits and midnight as 00, on Node and workerd alike.
const WALL = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
/** The longest a valid schedule can stay shut: a weekly range whose day is a holiday several weeks running. */
const SEARCH_DAYS = 366;

/** One line of the schedule: on these days, open from `open` to `close`, in minutes after local midnight. */
export type OpeningRange = { days: (typeof DAYS)[number][]; open: number; close: number };

const minutesOf = (hours: string, minutes: string): number | null => {
  const [h, m] = [Number(hours), Number(minutes)];
  return m < 60 && h * 60 + m <= 24 * 60 ? h * 60 + m : null;
};

const OpeningRangeSchema = z.string().transform((text, ctx): OpeningRange => {
  const fail = (why: string) => {
    ctx.addIssue({ code: 'custom', message: `"${text}": ${why}` });
    return z.NEVER;
  };
  const match = RANGE.exec(text.toLowerCase());
  if (!match) return fail(`expected "<day>[-<day>] HH:MM-HH:MM", e.g. ${EXAMPLE}`);
  const [, from = '', to = from, oh = '', om = '', ch = '', cm = ''] = match;
  const first = DAYS.indexOf(from as (typeof DAYS)[number]);
  const last = DAYS.indexOf(to as (typeof DAYS)[number]);
  if (first < 0 || last < 0) return fail(`days are ${DAYS.join(', ')}`);
  const [open, close] = [minutesOf(oh, om), minutesOf(ch, cm)];
  if (open === null || close === null) return fail('times run from 00:00 to 24:00');
  if (open >= close) return fail('it must close after it opens, on the same day');
  // "fri-mon" wraps round the week end: fri, sat, sun, mon.
  const days = Array.from({ length: ((last - first + 7) % 7) + 1 }, (_, i) => DAYS[(first + i) % 7]!);
  return { days, open, close };
});

/** STAFF_HOURS: ranges separated by ";" or ",". Ready to `.pipe()` from an env string with a default. */
export const StaffHoursSchema = z
  .string()
  .transform((text) => text.split(/[;,]/).map((part) => part.trim()).filter(Boolean))
  .pipe(z.array(OpeningRangeSchema).min(1, `give at least one range, e.g. ${EXAMPLE}`));
export type StaffHours = z.output<typeof StaffHoursSchema>;

/** Parses a schedule, throwing an error that names each bad range. */
export function parseStaffHours(text: string): StaffHours {
  const result = StaffHoursSchema.safeParse(text);
  if (result.success) return result.data;
  throw new Error(`Invalid staff hours: ${result.error.issues.map((issue) => issue.message).join('; ')}`);
}

/** The Luxembourg wall clock at `instant`, read as if it were UTC: the difference to `instant` is the offset. */
const wallMs = (instant: number): number => {
  const parts = Object.fromEntries(WALL.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
};
const offsetAt = (instant: number): number => wallMs(instant) - Math.floor(instant / 1000) * 1000;
const localDate = (instant: number): string => new Date(wallMs(instant)).toISOString().slice(0, 10);

/**
 * The instant the Luxembourg clock shows `minute` on `date`. The offsets a day either side are the only two that
 * day can have; the earlier matching instant wins when October repeats an hour, and a time March skips is moved
 * on by the lost hour — the "compatible" choice of Temporal and of RFC 5545.
 */
export const zonedInstant = (date: string, minute: number): number => {
  const wall = Date.parse(`${date}T00:00:00Z`) + minute * 60_000;
  const candidates = [wall - offsetAt(wall - DAY_MS), wall - offsetAt(wall + DAY_MS)];
  const exact = candidates.filter((instant) => wallMs(instant) === wall);
  return exact.length > 0 ? Math.min(...exact) : candidates[0]!;
};

const isHoliday = (date: string): boolean => luxembourgHolidays(Number(date.slice(0, 4))).some((h) => h.date === date);

/** The opening intervals (UTC ms) of one local date, earliest first; none on a public holiday. */
const intervalsOn = (schedule: StaffHours, date: string): { open: number; close: number }[] => {
  if (isHoliday(date)) return [];
  const day = DAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
  return schedule
    .filter((range) => range.days.includes(day))
    .map((range) => ({ open: zonedInstant(date, range.open), close: zonedInstant(date, range.close) }))
    .sort((a, b) => a.open - b.open);
};

/** Whether staff are on duty at `at`. */
export function isOpen(schedule: StaffHours, at: Date): boolean {
  const instant = at.getTime();
  return intervalsOn(schedule, localDate(instant)).some(({ open, close }) => open <= instant && instant < close);
}

/** When staff are next available: `at` itself during office hours, else the next opening after weekends and holidays. */
export function nextOpening(schedule: StaffHours, at: Date): Date {
  if (isOpen(schedule, at)) return at;
  const instant = at.getTime();
  const today = localDate(instant);
  for (let ahead = 0; ahead <= SEARCH_DAYS; ahead++) {
    const next = intervalsOn(schedule, addDays(today, ahead)).find(({ open }) => open > instant);
    if (next) return new Date(next.open);
  }
  throw new RangeError('nextOpening: the schedule never opens');
}

/**
 * `at` as a person reads it, relative to `now`, in the language of `t`: "today at 09:00", "tomorrow at 09:00",
 * "Monday at 09:00" within the week, "Monday 6 April at 09:00" beyond, then ", Luxembourg time". Weekday and month
 * names come from the locale files, not Intl: workerd's ICU has no Luxembourgish and would answer in English.
 */
export function describeOpening(at: Date, now: Date, t: Translate): string {
  const date = localDate(at.getTime());
  const ahead = Math.round((Date.parse(date) - Date.parse(localDate(now.getTime()))) / DAY_MS);
  const day = new Date(`${date}T00:00:00Z`);
  const time = new Date(wallMs(at.getTime())).toISOString().slice(11, 16);
  const weekday = t(`chat:staff.hours.weekday.${DAYS[day.getUTCDay()]}`);
  const when =
    ahead === 0 ? t('chat:staff.hours.today', { time })
    : ahead === 1 ? t('chat:staff.hours.tomorrow', { time })
    : ahead > 1 && ahead < 7 ? t('chat:staff.hours.on_weekday', { weekday, time })
    : t('chat:staff.hours.on_date', { weekday, day: day.getUTCDate(), month: t(`chat:staff.hours.month.${MONTHS[day.getUTCMonth()]}`), time });
  return t('chat:staff.hours.zone', { when });
}
