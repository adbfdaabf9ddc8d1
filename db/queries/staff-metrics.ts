// The facts behind the staff metrics page (db first), summed per Luxembourg day and language in SQL: the query turns
// each instant into a local date itself (the window's UTC offsets, clock changes included, come in as segments), and
// ranks the answers' first-token times to take their percentiles, so only one row per day and language leaves the
// database. The events that pair escalations with first staff replies come back as they are (a few per escalation).
import { and, asc, count, eq, gte, inArray, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { HandoverEvent } from '../../agents/staff/first-response.ts';
import type { DayCount, DayPercentiles } from '../../agents/staff/metrics.ts';
import type { Lang } from '../../agents/language/languages.ts';
import type { Db } from '../client.ts';
import { conversations, events, feedback, leads, messages, outbox } from '../schema/index.ts';

export type MetricsWindow = {
  from: number;
  to: number;
  lang?: Lang;
  /** The local clock's offset from UTC from each start on; the first starts at or before `from`. */
  offsets: readonly { start: number; offsetMs: number }[];
};

/** The local date (`YYYY-MM-DD`) of the instant in `column`: the instant moved by the offset in force, read as UTC. */
function localDay(column: SQLiteColumn, offsets: MetricsWindow['offsets']): SQL<string> {
  const [first, ...later] = offsets;
  const offset = later.length
    ? sql`CASE ${sql.join(
        later.map((segment, i) => sql`WHEN ${column} < ${segment.start} THEN ${offsets[i]!.offsetMs}`),
        sql` `,
      )} ELSE ${later.at(-1)!.offsetMs} END`
    : sql`${first?.offsetMs ?? 0}`;
  return sql<string>`date((${column} + ${offset}) / 1000, 'unixepoch')`;
}

const within = (column: SQLiteColumn, w: MetricsWindow): SQL => and(gte(column, w.from), lt(column, w.to))!;
const ofLang = (column: SQLiteColumn, w: MetricsWindow): SQL | undefined => (w.lang ? eq(column, w.lang) : undefined);
const completeAnswer = and(eq(messages.role, 'assistant'), eq(messages.state, 'complete'));

export type MetricsRows = {
  conversations: DayCount[];
  answers: (DayCount & { answered: number; drifted: number })[];
  firstTokens: DayPercentiles[];
  handoverEvents: (HandoverEvent & { lang: Lang })[];
  feedback: (DayCount & { rating: 'up' | 'down' })[];
  leadsCreated: DayCount[];
  leadsDelivered: DayCount[];
};

/**
 * p50 and p95 of the answers' time to first token per day and language, and per day for the languages together
 * (`all`), by nearest rank: the value at rank ceil(p·n), written (n·p + 99) / 100 in whole numbers.
 */
function firstTokenPercentiles(db: Db, w: MetricsWindow) {
  const day = localDay(messages.createdAt, w.offsets);
  const ms = sql`json_extract(${messages.timings}, '$.firstTokenMs')`;
  const filter = and(completeAnswer, within(messages.createdAt, w), ofLang(messages.lang, w), sql`${ms} IS NOT NULL`);
  return db.all<DayPercentiles>(sql`
    WITH samples AS (SELECT ${day} AS day, ${messages.lang} AS lang, ${ms} AS ms FROM ${messages} WHERE ${filter}),
    ranked AS (
      SELECT day, lang, ms, row_number() OVER (PARTITION BY day, lang ORDER BY ms) AS rn, count(*) OVER (PARTITION BY day, lang) AS n FROM samples
      UNION ALL
      SELECT day, 'all', ms, row_number() OVER (PARTITION BY day ORDER BY ms), count(*) OVER (PARTITION BY day) FROM samples
    )
    SELECT day, lang,
      max(CASE WHEN rn = (n * 50 + 99) / 100 THEN ms END) AS p50,
      max(CASE WHEN rn = (n * 95 + 99) / 100 THEN ms END) AS p95
    FROM ranked GROUP BY day, lang`);
}

export async function metricsRows(db: Db, w: MetricsWindow): Promise<MetricsRows> {
  const conversationDay = localDay(conversations.createdAt, w.offsets);
  const answerDay = localDay(messages.createdAt, w.offsets);
  const feedbackDay = localDay(feedback.createdAt, w.offsets);
  const leadDay = localDay(leads.createdAt, w.offsets);
  const deliveredDay = localDay(outbox.deliveredAt, w.offsets);
  const [convs, answers, handover, ratings, created, delivered] = await db.batch([
    db
      .select({ day: conversationDay, lang: conversations.lang, n: count() })
      .from(conversations)
      .where(and(within(conversations.createdAt, w), ofLang(conversations.lang, w)))
      .groupBy(conversationDay, conversations.lang),
    db
      .select({
        day: answerDay,
        lang: messages.lang,
        n: count(),
        answered: sql<number>`sum(CASE WHEN ${messages.answered} = 1 THEN 1 ELSE 0 END)`,
        drifted: sql<number>`sum(CASE WHEN coalesce(json_extract(${messages.timings}, '$.drifts'), 0) > 0 THEN 1 ELSE 0 END)`,
      })
      .from(messages)
      .where(and(completeAnswer, within(messages.createdAt, w), ofLang(messages.lang, w)))
      .groupBy(answerDay, messages.lang),
    // No upper bound: a reply after the window still answers an escalation inside it.
    db
      .select({ conversationId: events.conversationId, type: events.type, status: sql<string | null>`json_extract(${events.data}, '$.status')`, createdAt: events.createdAt, lang: conversations.lang })
      .from(events)
      .innerJoin(conversations, eq(conversations.id, events.conversationId))
      .where(and(inArray(events.type, ['status', 'staff_message']), gte(events.createdAt, w.from), ofLang(conversations.lang, w)))
      .orderBy(asc(events.id)),
    // A rating counts in the language of the answer it rates.
    db
      .select({ day: feedbackDay, lang: messages.lang, rating: feedback.rating, n: count() })
      .from(feedback)
      .innerJoin(messages, eq(messages.id, feedback.messageId))
      .where(and(within(feedback.createdAt, w), ofLang(messages.lang, w)))
      .groupBy(feedbackDay, messages.lang, feedback.rating),
    db
      .select({ day: leadDay, lang: leads.lang, n: count() })
      .from(leads)
      .where(and(within(leads.createdAt, w), ofLang(leads.lang, w)))
      .groupBy(leadDay, leads.lang),
    // Delivered: the lead reached Luxinnovation's receiver (its lead.created event was acknowledged).
    db
      .select({ day: deliveredDay, lang: leads.lang, n: count() })
      .from(outbox)
      .innerJoin(leads, eq(leads.id, outbox.leadId))
      .where(and(eq(outbox.event, 'lead.created'), eq(outbox.status, 'delivered'), isNotNull(outbox.deliveredAt), within(outbox.deliveredAt, w), ofLang(leads.lang, w)))
      .groupBy(deliveredDay, leads.lang),
  ]);
  const firstTokens = await firstTokenPercentiles(db, w);
  return {
    conversations: convs,
    answers: answers.map((a) => ({ ...a, answered: Number(a.answered ?? 0), drifted: Number(a.drifted ?? 0) })),
    firstTokens: firstTokens.map((p) => ({ day: p.day, lang: p.lang, p50: Number(p.p50), p95: Number(p.p95) })),
    handoverEvents: handover,
    feedback: ratings,
    leadsCreated: created,
    leadsDelivered: delivered,
  };
}
