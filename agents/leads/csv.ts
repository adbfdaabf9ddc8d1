// CSV export: RFC 4180 quoting, CRLF line ends, UTF-8 with a byte-order mark (so spreadsheets read é, ë, ß right).

export const BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

/**
 * One field: quoted when it holds a comma, quote, CR or LF (quotes doubled). A text that a spreadsheet would run as
 * a formula (=, @, tab, CR, or + / − not followed by a plain number) gets a leading apostrophe (OWASP CSV injection).
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && (/^[=@\t\r]/.test(text) || /^[+-](?![\d\s().]*$)/.test(text))) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: string[], rows: CsvValue[][], { bom = true }: { bom?: boolean } = {}): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return (bom ? BOM : '') + lines.join('\r\n') + '\r\n';
}
