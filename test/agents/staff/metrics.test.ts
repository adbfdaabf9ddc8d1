// The metrics page's arithmetic on a fixed dataset: sums per day and language, the `all` series, escalations on their
// Luxembourg day, nearest-rank percentiles, empty days, facts outside the days or languages left out, the range asked.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../agents/errors.ts';
import { localDate, offsetSegments } from '../../../agents/staff/hours.ts';
import { dailyMetrics, metricsDays, percentile, type MetricsFacts } from '../../../agents/staff/metrics.ts';

// 30 November and 1 December 2026 in Luxembourg (UTC+1): a day starts at 23:00 UTC the evening before.
const NOV30 = Date.UTC(2026, 10, 29, 23, 0);
const DEC1 = Date.UTC(2026, 10, 30, 23, 0);
const h = (day: number, hours: number) => day + hours * 3_600_000;

const [D30, D1, D2] = ['2026-11-30', '2026-12-01', '2026-12-02'];
const FACTS: MetricsFacts = {
  conversations: [
    { day: D30, lang: 'en', n: 3 },
    { day: D30, lang: 'lb', n: 2 },
    { day: D30, lang: 'en', n: 1 },
    { day: D1, lang: 'en', n: 4 },
    { day: D2, lang: 'en', n: 9 }, // outside the days asked for
  ],
  answers: [
    { day: D30, lang: 'en', n: 4, answered: 3, drifted: 0 },
    { day: D30, lang: 'lb', n: 2, answered: 1, drifted: 1 },
    { day: D1, lang: 'en', n: 5, answered: 5, drifted: 2 },
  ],
  firstTokens: [
    { day: D30, lang: 'en', p50: 500, p95: 1000 },
    { day: D30, lang: 'lb', p50: 2000, p95: 2000 },
    { day: D30, lang: 'all', p50: 600, p95: 2000 },
  ],
  escalations: [
    { lang: 'en', escalatedAt: h(NOV30, 9), repliedAt: h(NOV30, 9) + 120_000 },
    { lang: 'en', escalatedAt: h(NOV30, 11), repliedAt: h(NOV30, 11) + 600_000 },
    // 23:30 Luxembourg time on 30 November is already 1 December in UTC: it counts on the 30th.
    { lang: 'en', escalatedAt: h(NOV30, 23.5), repliedAt: h(NOV30, 23.5) + 240_000 },
    { lang: 'lb', escalatedAt: h(NOV30, 13), repliedAt: null },
    { lang: 'lb', escalatedAt: h(DEC1, 9), repliedAt: h(DEC1, 9) + 60_000 },
  ],
  feedback: [
    { day: D30, lang: 'en', rating: 'up', n: 3 },
    { day: D30, lang: 'en', rating: 'down', n: 1 },
    { day: D30, lang: 'lb', rating: 'down', n: 1 },
  ],
  leadsCreated: [
    { day: D30, lang: 'fr', n: 2 },
    { day: D1, lang: 'en', n: 1 },
  ],
  leadsDelivered: [{ day: D1, lang: 'fr', n: 2 }],
};

const SHAPE = { days: ['2026-11-30', '2026-12-01'], dayOf: localDate, langs: ['en', 'fr', 'de', 'lb'] as const, combined: true };

describe('percentile', () => {
  it('takes the nearest rank: always a measured value', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([7], 0.95)).toBe(7);
    expect(percentile([4, 1, 3, 2], 0.5)).toBe(2);
    expect(percentile([5, 1, 3], 0.5)).toBe(3);
    expect(percentile(Array.from({ length: 20 }, (_, i) => i + 1), 0.95)).toBe(19);
    expect(percentile(Array.from({ length: 10 }, (_, i) => (i + 1) * 100), 0.95)).toBe(1000);
  });
});

describe('dailyMetrics', () => {
  const [all, en, fr, de, lb] = dailyMetrics(FACTS, SHAPE);

  it('gives one series per language after the combined one, each with every day', () => {
    expect([all, en, fr, de, lb].map((s) => s!.lang)).toEqual(['all', 'en', 'fr', 'de', 'lb']);
    for (const series of [all, en, fr, de, lb]) expect(series!.days.map((d) => d.day)).toEqual(['2026-11-30', '2026-12-01']);
  });

  it('sums English on 30 November, Luxembourg time', () => {
    expect(en!.days[0]).toEqual({
      day: '2026-11-30',
      conversations: 4,
      answers: 4,
      answered: 3,
      answeredRate: 0.75,
      escalations: 3,
      staffReplies: 3,
      firstStaffReplyMedianMs: 240_000,
      feedbackUp: 3,
      feedbackDown: 1,
      feedbackUpRatio: 0.75,
      firstTokenP50Ms: 500,
      firstTokenP95Ms: 1000,
      languageDrifts: 0,
      leadsCreated: 0,
      leadsDelivered: 0,
    });
  });

  it('sums the languages into `all`, and takes its percentiles as given for all of them (not averaged)', () => {
    expect(all!.days[0]).toMatchObject({ conversations: 6, answers: 6, answered: 4, escalations: 4, staffReplies: 3, firstStaffReplyMedianMs: 240_000, feedbackUp: 3, feedbackDown: 2, feedbackUpRatio: 0.6, firstTokenP50Ms: 600, firstTokenP95Ms: 2000, languageDrifts: 1, leadsCreated: 2 });
    expect(all!.days[1]).toMatchObject({ conversations: 4, answers: 5, answeredRate: 1, escalations: 1, firstStaffReplyMedianMs: 60_000, languageDrifts: 2, leadsCreated: 1, leadsDelivered: 2 });
  });

  it('counts an escalation nobody answered but has no wait for it; a day without data has no rates', () => {
    expect(lb!.days[0]).toMatchObject({ escalations: 1, staffReplies: 0, firstStaffReplyMedianMs: null, answeredRate: 0.5, feedbackUpRatio: 0, languageDrifts: 1, firstTokenP50Ms: 2000 });
    expect(de!.days[1]).toEqual({
      day: '2026-12-01',
      conversations: 0,
      answers: 0,
      answered: 0,
      answeredRate: null,
      escalations: 0,
      staffReplies: 0,
      firstStaffReplyMedianMs: null,
      feedbackUp: 0,
      feedbackDown: 0,
      feedbackUpRatio: null,
      firstTokenP50Ms: null,
      firstTokenP95Ms: null,
      languageDrifts: 0,
      leadsCreated: 0,
      leadsDelivered: 0,
    });
    expect(fr!.days.map((d) => [d.leadsCreated, d.leadsDelivered])).toEqual([[2, 0], [0, 2]]);
  });

  it('leaves out days and languages not asked for, and has no combined series when told so', () => {
    const only = dailyMetrics(FACTS, { ...SHAPE, days: ['2026-12-01'], langs: ['lb'], combined: false });
    expect(only.map((s) => s.lang)).toEqual(['lb']);
    expect(only[0]!.days).toMatchObject([{ day: '2026-12-01', conversations: 0, escalations: 1, firstStaffReplyMedianMs: 60_000 }]);
  });
});

describe('metricsDays', () => {
  it('defaults to the 14 days ending today, and counts days, not hours, across a clock change', () => {
    expect(metricsDays({}, '2026-12-01')).toHaveLength(14);
    expect(metricsDays({}, '2026-12-01')[0]).toBe('2026-11-18');
    expect(metricsDays({ from: '2026-03-28', to: '2026-03-30' }, '2026-12-01')).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    expect(metricsDays({ to: '2026-10-26' }, '2026-12-01').at(0)).toBe('2026-10-13');
  });

  it('refuses dates that do not exist or are not YYYY-MM-DD, and ranges backwards or over the limit', () => {
    const code = (query: { from?: string; to?: string }) => {
      try {
        metricsDays(query, '2026-12-01');
        return 'ok';
      } catch (error) {
        return error instanceof DomainError ? error.code : String(error);
      }
    };
    expect(code({ from: '2026-02-29' })).toBe('date_invalid');
    expect(code({ from: '2026-1-01' })).toBe('date_invalid');
    expect(code({ to: '01.12.2026' })).toBe('date_invalid');
    expect(code({ from: '2026-12-02' })).toBe('range_invalid');
    expect(code({ from: '2026-08-01' })).toBe('range_invalid');
    expect(code({ from: '2026-09-01', to: '2026-12-01' })).toBe('ok');
    expect(code({ from: '2026-08-31', to: '2026-12-01' })).toBe('range_invalid');
  });
});

describe('offsetSegments', () => {
  it('finds the clock changes of a window: summer time ends on 25 October 2026 at 01:00 UTC, starts on 29 March', () => {
    const from = Date.UTC(2026, 9, 20);
    expect(offsetSegments(from, Date.UTC(2026, 10, 1))).toEqual([
      { start: from, offsetMs: 7_200_000 },
      { start: Date.UTC(2026, 9, 25, 1), offsetMs: 3_600_000 },
    ]);
    expect(offsetSegments(Date.UTC(2026, 11, 1), Date.UTC(2026, 11, 15))).toEqual([{ start: Date.UTC(2026, 11, 1), offsetMs: 3_600_000 }]);
    expect(offsetSegments(Date.UTC(2026, 2, 1), Date.UTC(2026, 9, 31)).map((s) => s.offsetMs)).toEqual([3_600_000, 7_200_000, 3_600_000]);
    expect(offsetSegments(Date.UTC(2026, 2, 1), Date.UTC(2026, 9, 31))[1]!.start).toBe(Date.UTC(2026, 2, 29, 1));
  });
});
