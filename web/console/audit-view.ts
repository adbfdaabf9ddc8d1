// The Audit log page (admins): whether the whole hash chain verifies, a filter form (actor, action, subject, days),
// and the rows newest first in pages, each with who acted (e-mail and name), what, on what, when, the details and
// the row's seal.
import { h } from '../widget/dom.ts';
import type { AuditFilter, AuditRow, ChainVerdict } from './admin-api.ts';
import type { AdminContext } from './admin-context.ts';
import { cell, dateTime, field, filterForm, pager, scrolling, select, table } from './admin-parts.ts';

const EMPTY: AuditFilter = { actor: '', action: '', subjectType: '', from: '', to: '' };
const SUBJECT_TYPES = ['lead', 'staff_user', 'conversation'] as const;

const value = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

export function createAuditView(ctx: AdminContext) {
  const { t, lang, api } = ctx;
  let filter: AuditFilter = { ...EMPTY };
  let page = 1;

  const heading = h('h2', { id: 'audit-title', tabindex: -1 }, t('audit.title'));
  const count = h('p', { class: 'count' });
  const chain = h('p', { class: 'chain' });
  const form = filterForm(
    t,
    t('audit.filters'),
    [
      field('audit-actor', t('audit.actor'), h('input', { id: 'audit-actor', name: 'audit-actor', type: 'text', spellcheck: 'false', autocomplete: 'off' }), t('audit.actor_hint')),
      field('audit-action', t('audit.action'), h('input', { id: 'audit-action', name: 'audit-action', type: 'text', spellcheck: 'false', autocomplete: 'off' }), t('audit.action_hint')),
      field('audit-subjectType', t('audit.subject_type'), select('audit-subjectType', [['', t('audit.subject_all')], ...SUBJECT_TYPES.map((s): [string, string] => [s, t(`audit.subject_${s}`)])])),
      field('audit-from', t('admin.from'), h('input', { id: 'audit-from', name: 'audit-from', type: 'date' })),
      field('audit-to', t('admin.to'), h('input', { id: 'audit-to', name: 'audit-to', type: 'date' })),
    ],
    (values) => {
      filter = { actor: values['audit-actor'] ?? '', action: values['audit-action'] ?? '', subjectType: values['audit-subjectType'] ?? '', from: values['audit-from'] ?? '', to: values['audit-to'] ?? '' };
      page = 1;
      void load();
    },
  );
  const error = h('p', { class: 'error', role: 'alert' });
  const { table: rows, body } = table(t('audit.table'), [t('audit.time'), t('audit.actor'), t('audit.action'), t('audit.subject'), t('audit.details'), t('audit.seal')]);
  const empty = h('p', { class: 'empty' }, t('audit.empty'));
  const pages = pager(t, t('audit.pages'), (next) => {
    page = next;
    void load();
  });
  const section = h(
    'section',
    { class: 'admin-view audit-view', 'aria-labelledby': 'audit-title', hidden: true },
    h('div', { class: 'pane-head' }, heading, count),
    chain,
    form,
    error,
    scrolling(t('audit.table'), rows),
    empty,
    pages.nav,
  );

  const row = (r: AuditRow) =>
    h(
      'tr',
      { 'data-id': String(r.id) },
      cell(dateTime(r.at, lang)),
      cell(r.staff ? h('span', {}, r.staff.name, h('br'), h('span', { class: 'muted' }, r.staff.email)) : r.actor),
      cell(t(`audit.actions.${r.action.replace('.', '_')}`, { defaultValue: r.action }), h('br'), h('code', { class: 'muted' }, r.action)),
      cell(t(`audit.subject_${r.subjectType}`, { defaultValue: r.subjectType }), r.subjectId ? h('br') : null, r.subjectId ? h('code', { class: 'muted' }, r.subjectId) : null),
      cell(
        Object.keys(r.details).length
          ? h('ul', { class: 'details' }, ...Object.entries(r.details).map(([key, v]) => h('li', {}, h('span', { class: 'muted' }, `${key}: `), value(v))))
          : '—',
      ),
      cell(h('span', { class: `seal seal-${r.seal}` }, t(`audit.seal_${r.seal}`))),
    );

  function showChain(verdict: ChainVerdict) {
    chain.className = `chain ${verdict.ok ? 'ok' : 'broken'}`;
    chain.textContent = verdict.ok ? t('audit.chain_ok', { sealed: verdict.sealed, unsealed: verdict.unsealed }) : t('audit.chain_broken', { id: verdict.firstBroken, sealed: verdict.sealed });
  }

  async function load() {
    error.textContent = '';
    await ctx.guard(async () => {
      const answer = await api.audit(filter, page);
      body.replaceChildren(...answer.rows.map(row));
      count.textContent = t('audit.count', { count: answer.total });
      empty.hidden = answer.rows.length > 0;
      pages.render(answer.page, answer.perPage, answer.total);
      if (document.activeElement === document.body) heading.focus();
    }, (message) => (error.textContent = message));
  }

  return {
    section,
    async show(_route: string[], focus: boolean) {
      chain.className = 'chain';
      chain.textContent = t('audit.chain_checking');
      if (focus) heading.focus();
      await Promise.all([load(), ctx.guard(async () => showChain(await api.verify()), (message) => (error.textContent = message))]);
    },
  };
}
