// The staff metrics page's numbers: per Luxembourg day and language — conversations, answered rate, escalations and
// the median wait for a first staff reply, feedback, time to first token p50/p95, language drifts, leads created and
// delivered. Pure: the facts come in already read and mostly summed per day (db/queries/staff-metrics.ts).
import { DomainError } from '../errors.ts';
import type { Lang } from '../language/languages.ts';
import { DAY_MS } from '../ports.ts';
import { addDays } from './holidays.ts';

/** `n` things that happened on `day` (`YYYY-MM-DD`, local) in `lang`. */
export type DayCount = { day: string; lang: Lang; n: number };
/** Percentiles already taken over one day's values, for one language or for all of them together. */
export type DayPercentiles = { day: string; lang: Lang | 'all'; p50: number; p95: number };

export type MetricsFacts = {
  conversations: DayCount[];
  /** Complete assistant answers: how many, how many counted as answered, how many drifted out of their language. */
  answers: (DayCount & { answered: number; drifted: number })[];
  /** Time to the first streamed token of the complete answers (a percentile of all languages is not made of theirs). */
  firstTokens: DayPercentiles[];
  /** Each escalation (agents/staff/first-response.ts) with the conversation's language; its day comes from `dayOf`. */
  escalations: { lang: Lang; escalatedAt: number; repliedAt: number | null }[];
  feedback: (DayCount & { rating: 'up' | 'down' })[];
  leadsCreated: DayCount[];
  leadsDelivered: DayCount[];
};

export type DayMetrics = {
  day: string;
  conversations: number;
  answers: number;
  answered: number;
  /** answered / answers; null on a day without answers (no rate is not a rate of 0). */
  answeredRate: number | null;
  escalations: number;
  /** Escalations of the day that staff answered, and the median time they took. */
  staffReplies: number;
  firstStaffReplyMedianMs: number | null;
  feedbackUp: number;
  feedbackDown: number;
  /** up / (up + down); null without feedback. */
  feedbackUpRatio: number | null;
  firstTokenP50Ms: number | null;
  firstTokenP95Ms: number | null;
  /** Answers in which the language guard caught the model writing another language (timings.drifts > 0). */
  languageDrifts: number;
  leadsCreated: number;
  leadsDelivered: number;
};

export type SeriesLang = Lang | 'all';
export type MetricsSeries = { lang: SeriesLang; days: DayMetrics[] };

/**
 * The nearest-rank percentile (the smallest value with at least p of the values at or below it): always a value
 * that was measured, and the same rule for p50 and p95. null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

type Bucket = {
  conversations: number;
  answers: number;
  answered: number;
  drifts: number;
  firstToken: { p50: number; p95: number } | null;
  escalations: number;
  replyTimes: number[];
  up: number;
  down: number;
  leadsCreated: number;
  leadsDelivered: number;
};

const emptyBucket = (): Bucket => ({ conversations: 0, answers: 0, answered: 0, drifts: 0, firstToken: null, escalations: 0, replyTimes: [], up: 0, down: 0, leadsCreated: 0, leadsDelivered: 0 });
const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

function present(day: string, b: Bucket): DayMetrics {
  return {
    day,
    conversations: b.conversations,
    answers: b.answers,
    answered: b.answered,
    answeredRate: ratio(b.answered, b.answers),
    escalations: b.escalations,
    staffReplies: b.replyTimes.length,
    firstStaffReplyMedianMs: percentile(b.replyTimes, 0.5),
    feedbackUp: b.up,
    feedbackDown: b.down,
    feedbackUpRatio: ratio(b.up, b.up + b.down),
    firstTokenP50Ms: b.firstToken?.p50 ?? null,
    firstTokenP95Ms: b.firstToken?.p95 ?? null,
    languageDrifts: b.drifts,
    leadsCreated: b.leadsCreated,
    leadsDelivered: b.leadsDelivered,
  };
}

export type MetricsShape = {
  /** The days shown, oldest first (`YYYY-MM-DD`); facts on other days are left out. */
  days: readonly string[];
  /** The calendar day of an instant (Luxembourg's, in the app), for the escalations. */
  dayOf: (at: number) => string;
  /** One series per language, in this order; facts in other languages are left out. */
  langs: readonly Lang[];
  /** Also a series `all` for the languages together (percentiles over all values, not averaged). */
  combined: boolean;
};

/** The facts summed per day, one series per language (and `all` first when asked), every day present. */
export function dailyMetrics(facts: MetricsFacts, shape: MetricsShape): MetricsSeries[] {
  const keys: SeriesLang[] = [...(shape.combined ? (['all'] as const) : []), ...shape.langs];
  const buckets = new Map(keys.map((lang) => [lang, new Map(shape.days.map((day) => [day, emptyBucket()]))]));
  // A language's facts count for it and, summed, for `all`.
  const add = (day: string, lang: Lang, apply: (bucket: Bucket) => void) => {
    for (const key of shape.combined ? ([lang, 'all'] as const) : [lang]) {
      const bucket = buckets.get(key)?.get(day);
      if (bucket) apply(bucket);
    }
  };
  for (const c of facts.conversations) add(c.day, c.lang, (b) => (b.conversations += c.n));
  for (const a of facts.answers) {
    add(a.day, a.lang, (b) => {
      b.answers += a.n;
      b.answered += a.answered;
      b.drifts += a.drifted;
    });
  }
  for (const p of facts.firstTokens) {
    const bucket = buckets.get(p.lang)?.get(p.day);
    if (bucket) bucket.firstToken = { p50: p.p50, p95: p.p95 };
  }
  for (const e of facts.escalations) {
    add(shape.dayOf(e.escalatedAt), e.lang, (b) => {
      b.escalations += 1;
      if (e.repliedAt !== null) b.replyTimes.push(e.repliedAt - e.escalatedAt);
    });
  }
  for (const f of facts.feedback) add(f.day, f.lang, (b) => (f.rating === 'up' ? (b.up += f.n) : (b.down += f.n)));
  for (const l of facts.leadsCreated) add(l.day, l.lang, (b) => (b.leadsCreated += l.n));
  for (const l of facts.leadsDelivered) add(l.day, l.lang, (b) => (b.leadsDelivered += l.n));
  return keys.map((lang) => ({ lang, days: shape.days.map((day) => present(day, buckets.get(lang)!.get(day)!)) }));
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar date written `YYYY-MM-DD` (not 2026-02-30). */
const isDate = (value: string) => DATE.test(value) && addDays(value, 0) === value;

/**
 * The days from `from` to `to` inclusive. Without `to`, today; without `from`, `defaultDays` days ending with `to`.
 * `date_invalid` for a date not written YYYY-MM-DD, `range_invalid` for an end before the start or more than `maxDays`.
 */
export function metricsDays(query: { from?: string; to?: string }, today: string, { defaultDays = 14, maxDays = 92 } = {}): string[] {
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, 1 - defaultDays);
  if (!isDate(from) || !isDate(to)) throw new DomainError('date_invalid');
  const count = Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;
  if (count < 1 || count > maxDays) throw new DomainError('range_invalid', { max: maxDays });
  return Array.from({ length: count }, (_, i) => addDays(from, i));
}
