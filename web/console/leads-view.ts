// The Leads page (admins): a filter form (status, minimum score, language, days, failed deliveries), the matching
// leads newest first in pages, the CSV download of what the filters select, and one lead's detail (lead-detail.ts).
import { h } from '../widget/dom.ts';
import { LEADS_CSV_PATH, queryOf, type LeadFilter, type LeadItem } from './admin-api.ts';
import type { AdminContext } from './admin-context.ts';
import { cell, dateTime, field, filterForm, leadBadge, pager, scrolling, select, table } from './admin-parts.ts';
import { LANGS } from './i18n.ts';
import { createLeadDetail } from './lead-detail.ts';
import { langTag } from './parts.ts';

const EMPTY: LeadFilter = { status: '', minScore: '', lang: '', from: '', to: '', delivery: '' };

export function createLeadsView(ctx: AdminContext) {
  const { t, lang, api } = ctx;
  let filter: LeadFilter = { ...EMPTY };
  let page = 1;

  const heading = h('h2', { id: 'leads-title', tabindex: -1 }, t('leads.title'));
  const count = h('p', { class: 'count' });
  const form = filterForm(
    t,
    t('leads.filters'),
    [
      field('leads-status', t('leads.status'), select('leads-status', [['', t('leads.status_all')], ...(['qualified', 'unqualified', 'withdrawn'] as const).map((s): [string, string] => [s, t(`leads.status_${s}`)])])),
      field('leads-minScore', t('leads.min_score'), h('input', { id: 'leads-minScore', name: 'leads-minScore', type: 'number', min: 0, max: 100, step: 1, inputmode: 'numeric' })),
      field('leads-lang', t('leads.lang'), select('leads-lang', [['', t('inbox.lang_all')], ...LANGS.map((l): [string, string] => [l, t(`lang.${l}`)])])),
      field('leads-from', t('admin.from'), h('input', { id: 'leads-from', name: 'leads-from', type: 'date' })),
      field('leads-to', t('admin.to'), h('input', { id: 'leads-to', name: 'leads-to', type: 'date' })),
      field('leads-delivery', t('leads.delivery'), select('leads-delivery', [['', t('leads.delivery_any')], ['failed', t('leads.delivery_failed_only')]])),
    ],
    (values) => {
      filter = { status: values['leads-status'] ?? '', minScore: values['leads-minScore'] ?? '', lang: values['leads-lang'] ?? '', from: values['leads-from'] ?? '', to: values['leads-to'] ?? '', delivery: values['leads-delivery'] ?? '' };
      page = 1;
      void load();
    },
  );
  const download = h('a', { class: 'download', href: LEADS_CSV_PATH, download: '' }, t('leads.download'));
  const downloadHint = h('p', { class: 'hint' }, t('leads.download_hint'));
  const error = h('p', { class: 'error', role: 'alert' });
  const { table: list, body } = table(t('leads.table'), [t('leads.received'), t('leads.organisation'), t('leads.contact'), t('leads.score'), t('leads.status'), t('leads.lang'), t('leads.delivery')]);
  const empty = h('p', { class: 'empty' }, t('leads.empty'));
  const pages = pager(t, t('leads.pages'), (next) => {
    page = next;
    void load();
  });
  const listPart = h('div', { class: 'view-part' }, h('div', { class: 'pane-head' }, heading, count), form, h('div', { class: 'download-row' }, download, downloadHint), error, scrolling(t('leads.table'), list), empty, pages.nav);
  const detail = createLeadDetail(ctx, () => void load());
  const section = h('section', { class: 'admin-view leads-view', 'aria-labelledby': 'leads-title', hidden: true }, listPart, detail.part);

  const row = (item: LeadItem) =>
    h(
      'tr',
      { 'data-id': item.id },
      cell(dateTime(item.createdAt, lang)),
      cell(h('a', { href: `#leads/${encodeURIComponent(item.id)}` }, item.organisation), item.duplicateOf ? h('span', { class: 'tag' }, t('leads.duplicate')) : null),
      cell(item.contactName ?? h('span', { class: 'muted' }, t('leads.erased'))),
      cell(String(item.score)),
      cell(leadBadge(t, item.status)),
      cell(langTag(t, item.lang)),
      cell(t(`leads.delivery_${item.delivery ?? 'none'}`)),
    );

  async function load() {
    download.setAttribute('href', `${LEADS_CSV_PATH}?${queryOf(filter)}`.replace(/\?$/, ''));
    error.textContent = '';
    await ctx.guard(async () => {
      const answer = await api.leads(filter, page);
      body.replaceChildren(...answer.leads.map(row));
      count.textContent = t('leads.count', { count: answer.total });
      empty.hidden = answer.leads.length > 0;
      pages.render(answer.page, answer.perPage, answer.total);
      if (document.activeElement === document.body) heading.focus();
    }, (message) => (error.textContent = message));
  }

  return {
    section,
    /** `[]` shows the list, `[id]` one lead. */
    async show(route: string[], focus: boolean) {
      const [id] = route;
      listPart.hidden = !!id;
      detail.part.hidden = !id;
      if (id) return detail.open(id, focus);
      const from = detail.shownId();
      await load();
      // Back from a lead: the focus returns to it in the list.
      const link = from ? body.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(from)}"] a`) : null;
      if (focus) (link ?? heading).focus();
    },
  };
}
