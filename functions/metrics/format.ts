// The Prometheus text exposition format (version 0.0.4) for a handful of gauges. Written here rather than with
// prom-client, which reads Node's process internals and does not run on workerd; gauges need no more. Pure.
export type Gauge = { name: string; help: string; samples: { labels?: Record<string, string>; value: number }[] };

const escapeLabel = (value: string) => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

export function exposition(gauges: readonly Gauge[]): string {
  return gauges
    .map((gauge) => {
      const lines = [`# HELP ${gauge.name} ${gauge.help}`, `# TYPE ${gauge.name} gauge`];
      for (const sample of gauge.samples) {
        const labels = Object.entries(sample.labels ?? {}).map(([key, value]) => `${key}="${escapeLabel(value)}"`);
        lines.push(`${gauge.name}${labels.length ? `{${labels.join(',')}}` : ''} ${sample.value}`);
      }
      return lines.join('\n');
    })
    .join('\n')
    .concat('\n');
}
