// Tiny HTML templating for the server-rendered pages: every interpolated value is escaped unless marked as markup.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export class Markup {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

type Value = string | number | Markup | Value[] | null | undefined | false;
const render = (value: Value): string =>
  value === null || value === undefined || value === false ? '' : Array.isArray(value) ? value.map(render).join('') : value instanceof Markup ? value.value : escapeHtml(String(value));

/** A template literal tag: `html\`<p>${text}</p>\`` escapes `text`; nested `html` results pass through. */
export function html(strings: TemplateStringsArray, ...values: Value[]): Markup {
  return new Markup(strings.reduce((out, part, i) => out + part + (i < values.length ? render(values[i]!) : ''), ''));
}
