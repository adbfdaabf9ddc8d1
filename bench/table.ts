// Plain Markdown-style tables for the bench's output: columns padded to their widest cell, numbers right-aligned.
export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.every((r) => /^[-–\d.,/ ]*$/.test(r[i] ?? '')));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
}

export const ms = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
