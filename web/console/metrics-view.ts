// The metrics page (#metrics): a period and a language to choose, then one chart per measure — conversations,
// answered rate, escalations, the wait for a first staff reply, feedback, time to first token, language drifts,
// leads — each with the table of its numbers (web/console/chart.ts).
import type { TFunction } from 'i18next';
import type { Lang } from '../../agents/language/languages.ts';
import { h } from '../widget/dom.ts';
import { chartFigure, type ChartSpec } from './chart.ts';
import { LANGS } from './i18n.ts';
import type { DayMetrics, InboxApi, MetricsReport } from './inbox-api.ts';

type Measure = { id: string; kind: 'bar' | 'line'; title: string; series: [string, (d: DayMetrics) => number | null][]; format: 'count' | 'percent' | 'duration' };

export function createMetricsView(t: TFunction, uiLang: Lang, api: Pick<InboxApi, 'metrics'>, fail: (error: unknown) => void) {
  const count = new Intl.NumberFormat(uiLang, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(uiLang, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(uiLang, { style: 'percent', maximumFractionDigits: 0 });
  const formats = {
    count: (v: number) => count.format(v),
    percent: (v: number) => percent.format(v),
    duration: (ms: number) => (ms < 1000 ? t('metricsPage.ms', { value: count.format(ms) }) : ms < 60_000 ? t('metricsPage.s', { value: decimal.format(ms / 1000) }) : t('metricsPage.min', { value: decimal.format(ms / 60_000) })),
  };
  // Day and month only, as digits: the order and separators follow the console's language.
  const dayFormat = new Intl.DateTimeFormat(uiLang, { day: '2-digit', month: '2-digit', timeZone: 'UTC' });
  const dayLabel = (day: string) => (day ? dayFormat.format(Date.parse(`${day}T00:00:00Z`)) : '');

  const measures: Measure[] = [
    { id: 'metric-conversations', kind: 'bar', title: t('metricsPage.conversations'), series: [[t('metricsPage.conversations'), (d) => d.conversations]], format: 'count' },
    { id: 'metric-answered', kind: 'line', title: t('metricsPage.answered_rate'), series: [[t('metricsPage.answered_rate_series'), (d) => d.answeredRate]], format: 'percent' },
    { id: 'metric-escalations', kind: 'bar', title: t('metricsPage.escalations'), series: [[t('metricsPage.escalations'), (d) => d.escalations]], format: 'count' },
    { id: 'metric-first-reply', kind: 'line', title: t('metricsPage.first_reply'), series: [[t('metricsPage.first_reply'), (d) => d.firstStaffReplyMedianMs]], format: 'duration' },
    { id: 'metric-feedback', kind: 'line', title: t('metricsPage.feedback'), series: [[t('metricsPage.feedback'), (d) => d.feedbackUpRatio]], format: 'percent' },
    {
      id: 'metric-first-token',
      kind: 'line',
      title: t('metricsPage.first_token'),
      series: [
        [t('metricsPage.p50'), (d) => d.firstTokenP50Ms],
        [t('metricsPage.p95'), (d) => d.firstTokenP95Ms],
      ],
      format: 'duration',
    },
    { id: 'metric-drifts', kind: 'bar', title: t('metricsPage.drifts'), series: [[t('metricsPage.drifts'), (d) => d.languageDrifts]], format: 'count' },
    {
      id: 'metric-leads',
      kind: 'bar',
      title: t('metricsPage.leads'),
      series: [
        [t('metricsPage.leads_created'), (d) => d.leadsCreated],
        [t('metricsPage.leads_delivered'), (d) => d.leadsDelivered],
      ],
      format: 'count',
    },
  ];

  const heading = h('h2', { id: 'metrics-title', tabindex: -1 }, t('metricsPage.title'));
  const from = h('input', { id: 'metrics-from', name: 'from', type: 'date' });
  const to = h('input', { id: 'metrics-to', name: 'to', type: 'date' });
  const lang = h('select', { id: 'metrics-lang', name: 'lang' }, h('option', { value: '' }, t('metricsPage.lang_all')), ...LANGS.map((l) => h('option', { value: l }, t(`lang.${l}`))));
  const field = (id: string, label: string, control: HTMLElement) => h('p', { class: 'field' }, h('label', { for: id }, label), control);
  const form = h(
    'form',
    { class: 'metrics-form', 'aria-label': t('metricsPage.title') },
    field('metrics-from', t('metricsPage.from'), from),
    field('metrics-to', t('metricsPage.to'), to),
    field('metrics-lang', t('metricsPage.lang'), lang),
    h('button', { type: 'submit', class: 'primary' }, t('metricsPage.show')),
  );
  // A live region, not role=status: the console's one status region stays the one place its announcements are read.
  const status = h('p', { class: 'metrics-status', 'aria-live': 'polite' });
  const charts = h('div', { class: 'charts' });
  const section = h('section', { class: 'section metrics', 'aria-labelledby': 'metrics-title' }, heading, h('p', { class: 'intro' }, t('metricsPage.intro')), form, status, charts);

  const text = {
    table: t('metricsPage.table'),
    day: t('metricsPage.day'),
    none: t('metricsPage.none'),
    chart: (kind: 'bar' | 'line', days: number, first: string, last: string) => t(kind === 'bar' ? 'metricsPage.chart_bar' : 'metricsPage.chart_line', { count: days, from: first, to: last }),
  };

  function draw(report: MetricsReport) {
    const days = report.series[0]?.days ?? [];
    charts.replaceChildren(
      ...measures.map((m) => {
        const spec: ChartSpec = {
          id: m.id,
          title: m.title,
          kind: m.kind,
          days: days.map((d) => d.day),
          series: m.series.map(([name, read]) => ({ name, values: days.map(read) })),
          format: formats[m.format],
          dayLabel,
          ...(m.format === 'percent' ? { max: 1 } : {}),
          integer: m.format === 'count',
          text,
        };
        return chartFigure(spec);
      }),
    );
    from.value = report.from;
    to.value = report.to;
    const shown = report.series[0]?.lang ?? 'all';
    status.textContent = t('metricsPage.loaded', { from: dayLabel(report.from), to: dayLabel(report.to), lang: shown === 'all' ? t('metricsPage.lang_all') : t(`lang.${shown}`) });
  }

  async function load() {
    status.textContent = t('metricsPage.loading');
    section.setAttribute('aria-busy', 'true');
    try {
      // Without a language the server sends `all` first, then each language: the page draws `all`.
      draw(await api.metrics({ from: from.value, to: to.value, lang: lang.value }));
    } catch (error) {
      status.textContent = '';
      fail(error);
    } finally {
      section.removeAttribute('aria-busy');
    }
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void load();
  });

  return { section, heading, load };
}
