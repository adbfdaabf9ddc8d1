// The staff metrics page's numbers: per Luxembourg day and language — conversations, answered rate, escalations and
// the median wait for a first staff reply, feedback, time to first token p50/p95, language drifts, leads created and
// delivered. Pure: the facts come in already read (db/queries/staff-metrics.ts), the calendar as functions.
import { DomainError } from '../errors.ts';
import type { Lang } from '../language/languages.ts';
import { DAY_MS } from '../ports.ts';
import { addDays } from './holidays.ts';

/** `n` things that happened at `at` (any instant of the hour they were counted in). */
export type Counted = { at: number; lang: Lang; n: number };
export type Sample = { at: number; lang: Lang; ms: number };

export type MetricsFacts = {
  conversations: Counted[];
  /** Complete assistant answers: how many, how many counted as answered, how many drifted out of their language. */
  answers: (Counted & { answered: number; drifted: number })[];
  /** Time to the first streamed token of each complete answer. */
  firstTokens: Sample[];
  /** Each escalation (agents/staff/first-response.ts) with the conversation's language. */
  escalations: { lang: Lang; escalatedAt: number; repliedAt: number | null }[];
  feedback: (Counted & { rating: 'up' | 'down' })[];
  leadsCreated: Counted[];
  leadsDelivered: Counted[];
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
  firstTokens: number[];
  escalations: number;
  replyTimes: number[];
  up: number;
  down: number;
  leadsCreated: number;
  leadsDelivered: number;
};

const emptyBucket = (): Bucket => ({ conversations: 0, answers: 0, answered: 0, drifts: 0, firstTokens: [], escalations: 0, replyTimes: [], up: 0, down: 0, leadsCreated: 0, leadsDelivered: 0 });
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
    firstTokenP50Ms: percentile(b.firstTokens, 0.5),
    firstTokenP95Ms: percentile(b.firstTokens, 0.95),
    languageDrifts: b.drifts,
    leadsCreated: b.leadsCreated,
    leadsDelivered: b.leadsDelivered,
  };
}

export type MetricsShape = {
  /** The days shown, oldest first (`YYYY-MM-DD`); facts on other days are left out. */
  days: readonly string[];
  /** The calendar day of an instant (Luxembourg's, in the app). */
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
  // Instants come in bursts of the same hour: the day of each hour is worked out once (offsets are whole hours).
  const dayOfHour = new Map<number, string>();
  const dayOf = (at: number) => {
    const hour = Math.floor(at / 3_600_000);
    let day = dayOfHour.get(hour);
    if (day === undefined) dayOfHour.set(hour, (day = shape.dayOf(at)));
    return day;
  };
  const add = (at: number, lang: Lang, apply: (bucket: Bucket) => void) => {
    const day = dayOf(at);
    for (const key of shape.combined ? ([lang, 'all'] as const) : [lang]) {
      const bucket = buckets.get(key)?.get(day);
      if (bucket) apply(bucket);
    }
  };
  for (const c of facts.conversations) add(c.at, c.lang, (b) => (b.conversations += c.n));
  for (const a of facts.answers) {
    add(a.at, a.lang, (b) => {
      b.answers += a.n;
      b.answered += a.answered;
      b.drifts += a.drifted;
    });
  }
  for (const s of facts.firstTokens) add(s.at, s.lang, (b) => b.firstTokens.push(s.ms));
  for (const e of facts.escalations) {
    add(e.escalatedAt, e.lang, (b) => {
      b.escalations += 1;
      if (e.repliedAt !== null) b.replyTimes.push(e.repliedAt - e.escalatedAt);
    });
  }
  for (const f of facts.feedback) add(f.at, f.lang, (b) => (f.rating === 'up' ? (b.up += f.n) : (b.down += f.n)));
  for (const l of facts.leadsCreated) add(l.at, l.lang, (b) => (b.leadsCreated += l.n));
  for (const l of facts.leadsDelivered) add(l.at, l.lang, (b) => (b.leadsDelivered += l.n));
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
