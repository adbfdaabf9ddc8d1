// Small SVG charts drawn in the page (no library, nothing fetched): bars or lines over days, each chart a <figure>
// whose numbers are also a table, so a screen reader (or anyone) can read them exactly. Geometry is pure.
import { h } from '../widget/dom.ts';

const SVG = 'http://www.w3.org/2000/svg';
export const CHART = { width: 640, height: 220, left: 64, right: 12, top: 14, bottom: 30 } as const;

export type ChartSeries = { name: string; values: readonly (number | null)[] };
export type ChartSpec = {
  id: string;
  title: string;
  kind: 'bar' | 'line';
  days: readonly string[];
  series: readonly ChartSeries[];
  /** A value as people read it ("75 %", "1.2 s"); also the axis labels. */
  format: (value: number) => string;
  /** A day as people read it ("30 Nov"). */
  dayLabel: (day: string) => string;
  /** The top of the scale when it is fixed (1 for rates); otherwise a round number above the largest value. */
  max?: number;
  /** Whole numbers only (counts): no tick half-way up when that would be a fraction. */
  integer?: boolean;
  text: { table: string; day: string; none: string; chart: (kind: 'bar' | 'line', days: number, from: string, to: string) => string };
};

/** A round number at or above `value` (1, 2, 2.5 or 5 times a power of ten), so the axis reads easily. */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= value - 1e-9)!;
  return step * power;
}

/** The x of day `i`'s centre and the y of `value`, in the viewBox. */
export function scales(days: number, max: number) {
  const band = (CHART.width - CHART.left - CHART.right) / Math.max(1, days);
  const plot = CHART.height - CHART.top - CHART.bottom;
  return {
    band,
    x: (i: number) => CHART.left + band * (i + 0.5),
    y: (value: number) => CHART.top + plot * (1 - Math.min(value, max) / max),
  };
}

/** SVG path data for a line through the values; a missing value breaks the line rather than dropping to zero. */
export function linePath(values: readonly (number | null)[], x: (i: number) => number, y: (v: number) => number): string {
  let d = '';
  let pen = false;
  values.forEach((value, i) => {
    if (value === null) return void (pen = false);
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)} ${y(value).toFixed(1)}`;
    pen = true;
  });
  return d;
}

/** Which days get a label on the x axis: at most `most`, evenly spread, always the last. */
export function labelledDays(count: number, most = 7): number[] {
  const every = Math.max(1, Math.ceil(count / most));
  return Array.from({ length: count }, (_, i) => i).filter((i) => (count - 1 - i) % every === 0);
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  el.append(...children);
  return el;
}

function drawing(spec: ChartSpec): SVGSVGElement {
  const values = spec.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const max = spec.max ?? niceMax(Math.max(0, ...values));
  const { band, x, y } = scales(spec.days.length, max);
  const right = CHART.width - CHART.right;
  const ticks = [0, max / 2, max].filter((tick) => !spec.integer || Number.isInteger(tick));
  const grid = ticks.map((tick) =>
    svg('g', { class: 'tick' }, svg('line', { x1: CHART.left, x2: right, y1: y(tick), y2: y(tick) }), svg('text', { x: CHART.left - 6, y: y(tick) + 4, 'text-anchor': 'end' }, spec.format(tick))),
  );
  const axis = labelledDays(spec.days.length).map((i) => svg('text', { class: 'day', x: x(i), y: CHART.height - 8, 'text-anchor': 'middle' }, spec.dayLabel(spec.days[i]!)));
  const marks = spec.series.map((series, s) => {
    const group = svg('g', { class: `series series-${s}` });
    const point = (i: number, value: number) => svg('title', {}, `${spec.dayLabel(spec.days[i]!)} · ${series.name}: ${spec.format(value)}`);
    if (spec.kind === 'bar') {
      const width = (band * 0.7) / spec.series.length;
      series.values.forEach((value, i) => {
        if (value === null) return;
        const left = x(i) - (band * 0.7) / 2 + s * width;
        group.append(svg('rect', { x: left.toFixed(1), y: y(value).toFixed(1), width: width.toFixed(1), height: (y(0) - y(value)).toFixed(1) }, point(i, value)));
      });
    } else {
      group.append(svg('path', { d: linePath(series.values, x, y), fill: 'none' }));
      series.values.forEach((value, i) => value !== null && group.append(svg('circle', { cx: x(i).toFixed(1), cy: y(value).toFixed(1), r: 3 }, point(i, value))));
    }
    return group;
  });
  const label = `${spec.title}. ${spec.text.chart(spec.kind, spec.days.length, spec.dayLabel(spec.days[0] ?? ''), spec.dayLabel(spec.days.at(-1) ?? ''))}`;
  return svg('svg', { class: `chart chart-${spec.kind}`, viewBox: `0 0 ${CHART.width} ${CHART.height}`, role: 'img', 'aria-label': label, focusable: 'false' }, ...grid, svg('line', { class: 'axis', x1: CHART.left, x2: right, y1: y(0), y2: y(0) }), ...marks, ...axis);
}

function table(spec: ChartSpec): HTMLTableElement {
  const cell = (value: number | null) => h('td', {}, value === null ? spec.text.none : spec.format(value));
  return h(
    'table',
    {},
    h('caption', {}, spec.title),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, spec.text.day), ...spec.series.map((s) => h('th', { scope: 'col' }, s.name)))),
    h('tbody', {}, ...spec.days.map((day, i) => h('tr', {}, h('th', { scope: 'row' }, spec.dayLabel(day)), ...spec.series.map((s) => cell(s.values[i] ?? null))))),
  );
}

/** The chart in a figure: its title, the drawing, a legend when it has several series, and the table of its numbers. */
export function chartFigure(spec: ChartSpec): HTMLElement {
  const caption = h('figcaption', { id: `${spec.id}-title` }, spec.title);
  const legend =
    spec.series.length > 1
      ? h('ul', { class: 'legend' }, ...spec.series.map((s, i) => h('li', {}, h('span', { class: `swatch series-${i}`, 'aria-hidden': 'true' }), s.name)))
      : null;
  return h(
    'figure',
    { class: 'metric', id: spec.id, 'aria-labelledby': `${spec.id}-title` },
    caption,
    drawing(spec),
    legend,
    h('details', { class: 'numbers' }, h('summary', {}, spec.text.table), table(spec)),
  );
}
