// The facts behind the staff metrics page (db first): counts grouped by clock hour and language in SQL (an hour
// lies within one Luxembourg day, so agents/staff/metrics.ts can sum them into days), single values where a
// percentile needs them, and the events that pair escalations with first staff replies.
import { and, asc, count, eq, gte, inArray, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { HandoverEvent } from '../../agents/staff/first-response.ts';
import type { Counted, Sample } from '../../agents/staff/metrics.ts';
import type { Lang } from '../../agents/language/languages.ts';
import type { Db } from '../client.ts';
import { conversations, events, feedback, leads, messages, outbox } from '../schema/index.ts';

export type MetricsWindow = { from: number; to: number; lang?: Lang };

const HOUR_MS = 3_600_000;
/** The start of the clock hour of `column`, in ms. */
const hourOf = (column: SQLiteColumn) => sql<number>`(${column} / ${HOUR_MS}) * ${HOUR_MS}`;
const within = (column: SQLiteColumn, w: MetricsWindow): SQL => and(gte(column, w.from), lt(column, w.to))!;
const ofLang = (column: SQLiteColumn, w: MetricsWindow): SQL | undefined => (w.lang ? eq(column, w.lang) : undefined);
const firstTokenMs = sql<number | null>`json_extract(${messages.timings}, '$.firstTokenMs')`;
const completeAnswer = and(eq(messages.role, 'assistant'), eq(messages.state, 'complete'));

export type MetricsRows = {
  conversations: Counted[];
  answers: (Counted & { answered: number; drifted: number })[];
  firstTokens: Sample[];
  handoverEvents: (HandoverEvent & { lang: Lang })[];
  feedback: (Counted & { rating: 'up' | 'down' })[];
  leadsCreated: Counted[];
  leadsDelivered: Counted[];
};

export async function metricsRows(db: Db, w: MetricsWindow): Promise<MetricsRows> {
  const conversationHour = hourOf(conversations.createdAt);
  const answerHour = hourOf(messages.createdAt);
  const feedbackHour = hourOf(feedback.createdAt);
  const leadHour = hourOf(leads.createdAt);
  const deliveredHour = hourOf(outbox.deliveredAt);
  const [convs, answers, firstTokens, handover, ratings, created, delivered] = await db.batch([
    db
      .select({ at: conversationHour, lang: conversations.lang, n: count() })
      .from(conversations)
      .where(and(within(conversations.createdAt, w), ofLang(conversations.lang, w)))
      .groupBy(conversationHour, conversations.lang),
    db
      .select({
        at: answerHour,
        lang: messages.lang,
        n: count(),
        answered: sql<number>`sum(CASE WHEN ${messages.answered} = 1 THEN 1 ELSE 0 END)`,
        drifted: sql<number>`sum(CASE WHEN coalesce(json_extract(${messages.timings}, '$.drifts'), 0) > 0 THEN 1 ELSE 0 END)`,
      })
      .from(messages)
      .where(and(completeAnswer, within(messages.createdAt, w), ofLang(messages.lang, w)))
      .groupBy(answerHour, messages.lang),
    db
      .select({ at: messages.createdAt, lang: messages.lang, ms: sql<number>`${firstTokenMs}` })
      .from(messages)
      .where(and(completeAnswer, within(messages.createdAt, w), ofLang(messages.lang, w), sql`${firstTokenMs} IS NOT NULL`)),
    // No upper bound: a reply after the window still answers an escalation inside it.
    db
      .select({ conversationId: events.conversationId, type: events.type, status: sql<string | null>`json_extract(${events.data}, '$.status')`, createdAt: events.createdAt, lang: conversations.lang })
      .from(events)
      .innerJoin(conversations, eq(conversations.id, events.conversationId))
      .where(and(inArray(events.type, ['status', 'staff_message']), gte(events.createdAt, w.from), ofLang(conversations.lang, w)))
      .orderBy(asc(events.id)),
    // A rating counts in the language of the answer it rates.
    db
      .select({ at: feedbackHour, lang: messages.lang, rating: feedback.rating, n: count() })
      .from(feedback)
      .innerJoin(messages, eq(messages.id, feedback.messageId))
      .where(and(within(feedback.createdAt, w), ofLang(messages.lang, w)))
      .groupBy(feedbackHour, messages.lang, feedback.rating),
    db
      .select({ at: leadHour, lang: leads.lang, n: count() })
      .from(leads)
      .where(and(within(leads.createdAt, w), ofLang(leads.lang, w)))
      .groupBy(leadHour, leads.lang),
    // Delivered: the lead reached Luxinnovation's receiver (its lead.created event was acknowledged).
    db
      .select({ at: deliveredHour, lang: leads.lang, n: count() })
      .from(outbox)
      .innerJoin(leads, eq(leads.id, outbox.leadId))
      .where(and(eq(outbox.event, 'lead.created'), eq(outbox.status, 'delivered'), isNotNull(outbox.deliveredAt), within(outbox.deliveredAt, w), ofLang(leads.lang, w)))
      .groupBy(deliveredHour, leads.lang),
  ]);
  return {
    conversations: convs,
    answers: answers.map((a) => ({ ...a, answered: Number(a.answered ?? 0), drifted: Number(a.drifted ?? 0) })),
    firstTokens: firstTokens.map((s) => ({ ...s, ms: Number(s.ms) })),
    handoverEvents: handover,
    feedback: ratings,
    leadsCreated: created,
    leadsDelivered: delivered,
  };
}
