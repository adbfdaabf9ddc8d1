// Query parameters the console's lists share: a page, a range of Luxembourg days, and "" from an untouched form
// field meaning "no filter".
import { z } from 'zod';
import { addDays } from '../../agents/staff/holidays.ts';
import { zonedInstant } from '../../agents/staff/hours.ts';

export const PER_PAGE = 50;
export const MAX_PER_PAGE = 200;

/** A form sends every field; an empty one filters nothing. */
export const blankless = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const isDate = (text: string) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date_invalid' }).refine(isDate, { error: 'date_invalid' });

export const PageQuery = {
  page: blankless(z.coerce.number({ error: 'page_invalid' }).int({ error: 'page_invalid' }).min(1, { error: 'page_invalid' }).max(1_000_000, { error: 'page_invalid' })),
  perPage: blankless(z.coerce.number({ error: 'page_invalid' }).int({ error: 'page_invalid' }).min(1, { error: 'page_invalid' }).max(MAX_PER_PAGE, { error: 'page_invalid' })),
};

/** `from` and `to` are calendar days in Luxembourg, both included (the console's date fields). */
export const DayRangeQuery = { from: blankless(DaySchema), to: blankless(DaySchema) };

export function pageOf({ page = 1, perPage = PER_PAGE }: { page?: number; perPage?: number }) {
  return { page, perPage, limit: perPage, offset: (page - 1) * perPage };
}

/** The instants a day range covers: from the first day's midnight up to (not including) the midnight after the last. */
export function instantsOf({ from, to }: { from?: string; to?: string }): { from?: number; to?: number } {
  return { ...(from ? { from: zonedInstant(from, 0) } : {}), ...(to ? { to: zonedInstant(addDays(to, 1), 0) } : {}) };
}
