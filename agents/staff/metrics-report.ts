// The staff metrics report for a range of Luxembourg days: reads the facts, pairs escalations with first staff
// replies, and sums them per day and language (agents/staff/metrics.ts).
import type { Db } from '../../db/client.ts';
import { metricsRows } from '../../db/queries/staff-metrics.ts';
import { LANGS, type Lang } from '../language/languages.ts';
import type { Clock } from '../ports.ts';
import { firstResponses } from './first-response.ts';
import { addDays } from './holidays.ts';
import { localDate, offsetSegments, TIME_ZONE, zonedInstant } from './hours.ts';
import { dailyMetrics, metricsDays, type MetricsSeries } from './metrics.ts';

export type MetricsQuery = { from?: string; to?: string; lang?: Lang };
export type MetricsReport = { from: string; to: string; timeZone: string; series: MetricsSeries[] };

/** One series per language and `all` for them together, or only the language asked for. */
export async function metricsReport({ db, now }: { db: Db; now: Clock }, query: MetricsQuery): Promise<MetricsReport> {
  const days = metricsDays(query, localDate(now()));
  const from = days[0]!;
  const to = days.at(-1)!;
  const [start, end] = [zonedInstant(from, 0), zonedInstant(addDays(to, 1), 0)];
  const window = { from: start, to: end, offsets: offsetSegments(start, end), ...(query.lang ? { lang: query.lang } : {}) };
  const rows = await metricsRows(db, window);
  const langOf = new Map(rows.handoverEvents.map((e) => [e.conversationId, e.lang]));
  const escalations = firstResponses(rows.handoverEvents)
    .filter((e) => e.escalatedAt < window.to)
    .map((e) => ({ lang: langOf.get(e.conversationId)!, escalatedAt: e.escalatedAt, repliedAt: e.repliedAt }));
  const series = dailyMetrics(
    { ...rows, escalations },
    { days, dayOf: localDate, langs: query.lang ? [query.lang] : LANGS, combined: !query.lang },
  );
  return { from, to, timeZone: TIME_ZONE, series };
}
