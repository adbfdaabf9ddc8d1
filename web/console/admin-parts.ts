// Pieces the admin pages share: labelled form fields, a filter form that applies on submit, tables with a caption,
// a pager, term–value lists, lead status badges, and times in Luxembourg in the console's language.
import type { TFunction } from 'i18next';
import type { Lang } from '../../agents/language/languages.ts';
import { h } from '../widget/dom.ts';

/** A lead's status as a badge: a word on a tinted ground. */
export const leadBadge = (t: TFunction, status: string) => h('span', { class: `badge lead-${status}` }, t(`leads.status_${status}`));

/** Dates and times as staff in Luxembourg read them, in the console's language. */
export function dateTime(iso: string | null, lang: Lang): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone: 'Europe/Luxembourg' }).format(new Date(iso));
}

export function field(id: string, label: string, control: HTMLElement, hint?: string): HTMLElement {
  if (hint) control.setAttribute('aria-describedby', `${id}-hint`);
  return h('p', { class: 'field' }, h('label', { for: id }, label), control, hint ? h('span', { id: `${id}-hint`, class: 'hint' }, hint) : null);
}

export function select(id: string, options: readonly (readonly [string, string])[], value = ''): HTMLSelectElement {
  return h('select', { id, name: id }, ...options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
}

/**
 * A filter form: its fields, an Apply button, and a Reset button that empties them; `apply` gets the values by name.
 * Submitting (Enter in a field, or Apply) applies; nothing changes while someone is still choosing.
 */
export function filterForm(t: TFunction, label: string, fields: HTMLElement[], apply: (values: Record<string, string>) => void): HTMLFormElement {
  const submit = h('button', { type: 'submit', class: 'primary' }, t('admin.apply'));
  const reset = h('button', { type: 'reset', class: 'secondary' }, t('admin.reset'));
  const form = h('form', { class: 'admin-filters', 'aria-label': label, novalidate: true }, ...fields, h('p', { class: 'buttons' }, submit, reset));
  const values = () => Object.fromEntries([...new FormData(form)].map(([name, value]) => [name, String(value).trim()]));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply(values());
  });
  // After the browser empties the fields.
  form.addEventListener('reset', () => setTimeout(() => apply(values())));
  return form;
}

/** A table with a caption (its accessible name) and column headers; `body` is filled by the caller. */
export function table(caption: string, headers: string[]): { table: HTMLTableElement; body: HTMLTableSectionElement } {
  const body = h('tbody');
  const el = h('table', { class: 'admin-table' }, h('caption', { class: 'sr-only' }, caption), h('thead', {}, h('tr', {}, ...headers.map((text) => h('th', { scope: 'col' }, text)))), body);
  return { table: el, body };
}

/** A table that scrolls sideways on its own on a narrow screen, reachable and scrollable by keyboard. */
export const scrolling = (label: string, el: HTMLElement) => h('div', { class: 'table-scroll', role: 'region', tabindex: 0, 'aria-label': label }, el);

export const cell = (...children: (Node | string | null)[]) => h('td', {}, ...children);

/** Term–value pairs as a description list; pairs with no value are left out. */
export function facts(pairs: [string, Node | string | null | undefined][]): HTMLDListElement {
  return h('dl', { class: 'admin-facts' }, ...pairs.filter(([, value]) => value !== null && value !== undefined && value !== '').map(([term, value]) => h('div', {}, h('dt', {}, term), h('dd', {}, value!))));
}

/** Previous and next page, and where the reader is. */
export function pager(t: TFunction, label: string, go: (page: number) => void) {
  let current = 1;
  const previous = h('button', { type: 'button', class: 'secondary' }, t('admin.previous'));
  const next = h('button', { type: 'button', class: 'secondary' }, t('admin.next'));
  const where = h('p', { class: 'where' });
  previous.addEventListener('click', () => go(current - 1));
  next.addEventListener('click', () => go(current + 1));
  const nav = h('nav', { class: 'pager', 'aria-label': label }, previous, where, next);
  return {
    nav,
    render(page: number, perPage: number, total: number) {
      current = page;
      const pages = Math.max(1, Math.ceil(total / perPage));
      where.textContent = t('admin.page', { page, pages });
      previous.disabled = page <= 1;
      next.disabled = page >= pages;
      nav.hidden = pages <= 1;
    },
  };
}
