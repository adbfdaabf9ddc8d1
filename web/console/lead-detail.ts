// One lead for admins: what the person asked and how it scored, the contact, the consent record with the text agreed
// to, the conversation it came from, each webhook event's delivery, its history; and promote, withdraw on the
// person's request, and retry failed deliveries, each after a confirmation.
import { h } from '../widget/dom.ts';
import type { LeadDetail, LeadReason } from './admin-api.ts';
import type { AdminContext } from './admin-context.ts';
import { cell, dateTime, facts, leadBadge, scrolling, table } from './admin-parts.ts';
import { langTag } from './parts.ts';

/** A score reason in words: the form's own option names where there are some, the console's otherwise. */
function reasonText(ctx: AdminContext, detail: LeadDetail, { code }: LeadReason): string {
  const { t } = ctx;
  const option = /^(org_type|maturity)_(.+)$/.exec(code);
  if (option) return t(`leads:options.${option[1] === 'org_type' ? 'orgType' : 'maturity'}.${option[2]}`);
  const timeline = /^timeline_(3_months|6_months|12_months|later)$/.exec(code);
  if (timeline) return t(`leads:options.timeline.${timeline[1]}`);
  if (code.startsWith('strategic_sector_')) return t('leads.reason.strategic_sector', { sector: detail.lead.sector });
  return t(`leads.reason.${code}`, { defaultValue: code });
}

const option = (ctx: AdminContext, group: string, value: string | null) => (value ? ctx.t(`leads:options.${group}.${value}`, { defaultValue: value }) : null);

export function createLeadDetail(ctx: AdminContext, changed: () => void) {
  const { t, lang, api } = ctx;
  const back = h('a', { href: '#leads', class: 'back-link' }, t('leads.back'));
  const heading = h('h2', { id: 'lead-title', tabindex: -1 }, t('leads.title'));
  const meta = h('p', { class: 'meta' });
  const actions = h('div', { class: 'actions' });
  const error = h('p', { class: 'error', role: 'alert' });
  const body = h('div', { class: 'lead-body' });
  const part = h('div', { class: 'view-part lead-detail', hidden: true }, back, heading, meta, actions, error, body);
  let shown: LeadDetail | null = null;
  let openId: string | null = null;

  const block = (id: string, title: string, ...content: (Node | null)[]) => h('section', { class: 'lead-block', 'aria-labelledby': id }, h('h3', { id }, title), ...content);

  function render(detail: LeadDetail) {
    const { lead, consent, conversation, deliveries, history } = detail;
    heading.textContent = lead.organisation;
    meta.replaceChildren(
      leadBadge(t, lead.status),
      h('span', {}, t('leads.score_of', { score: lead.score })),
      langTag(t, lead.lang),
      h('span', {}, t('leads.received_at', { time: dateTime(lead.createdAt, lang) })),
    );
    const offered: HTMLButtonElement[] = [];
    const button = (label: string, className: string, act: () => void) => {
      const b = h('button', { type: 'button', class: className }, label);
      b.addEventListener('click', act);
      offered.push(b);
    };
    if (lead.status === 'unqualified') button(t('leads.promote'), 'primary', () => void promote(lead.id));
    if (deliveries.some((d) => d.retryable)) button(t('leads.retry'), 'secondary', () => void retry(lead.id));
    if (lead.status !== 'withdrawn') button(t('leads.withdraw'), 'secondary danger', () => void withdraw(lead.id));
    actions.replaceChildren(...offered);

    const erased = h('span', { class: 'muted' }, t('leads.erased'));
    const reasons = h('ul', { class: 'reasons' }, ...lead.reasons.map((r) => h('li', {}, t(`leads.dimension_${r.dimension}`), ' · ', reasonText(ctx, detail, r), ': ', h('strong', {}, `+${r.points}`))));
    const { table: deliveryTable, body: deliveryRows } = table(t('leads.deliveries'), [t('leads.event'), t('leads.version'), t('leads.delivery'), t('leads.attempts'), t('leads.last_error'), t('leads.next_attempt'), t('leads.delivered_at')]);
    deliveryRows.replaceChildren(
      ...deliveries.map((d) =>
        h(
          'tr',
          {},
          cell(t(`leads.event_${d.event.replace('lead.', '')}`)),
          cell(String(d.version)),
          cell(h('span', { class: `delivery-${d.status}` }, t(`leads.delivery_${d.status}`))),
          cell(String(d.attempts)),
          cell(d.lastError ? h('code', {}, d.lastError) : '—'),
          cell(dateTime(d.nextAttemptAt, lang)),
          cell(dateTime(d.deliveredAt, lang)),
        ),
      ),
    );
    const conversationPart = !conversation
      ? h('p', {}, t(lead.source === 'chat' ? 'leads.conversation_unlinked' : 'leads.conversation_none'))
      : conversation.exists
        ? h('p', {}, h('a', { href: `#${encodeURIComponent(conversation.id)}` }, t('leads.conversation_open')))
        : h('p', {}, t('leads.conversation_deleted'));

    body.replaceChildren(
      block(
        'lead-request',
        t('leads.request'),
        facts([
          [t('leads.org_type'), option(ctx, 'orgType', lead.orgType)],
          [t('leads.sector'), lead.sector],
          [t('leads.size'), lead.size],
          [t('leads.maturity'), option(ctx, 'maturity', lead.maturity)],
          [t('leads.need'), h('span', { lang: lead.lang }, lead.need)],
          [t('leads.pillars'), lead.pillars.map((p) => option(ctx, 'pillars', p)).join(', ')],
          [t('leads.timeline'), option(ctx, 'timeline', lead.timeline)],
          [t('leads.source'), t(`leads.source_${lead.source}`)],
          [t('leads.duplicate_of'), lead.duplicateOf ? h('a', { href: `#leads/${encodeURIComponent(lead.duplicateOf)}` }, t('leads.duplicate_open')) : null],
          [t('leads.promoted_at'), lead.promotedAt ? dateTime(lead.promotedAt, lang) : null],
          [t('leads.withdrawn_at'), lead.withdrawnAt ? dateTime(lead.withdrawnAt, lang) : null],
        ]),
      ),
      block('lead-score', t('leads.score_title', { score: lead.score }), reasons),
      block(
        'lead-contact',
        t('leads.contact'),
        lead.contact.name || lead.contact.email
          ? facts([
              [t('leads.contact_name'), lead.contact.name],
              [t('leads.contact_email'), lead.contact.email ? h('a', { href: `mailto:${lead.contact.email}` }, lead.contact.email) : null],
              [t('leads.contact_phone'), lead.contact.phone],
            ])
          : h('p', {}, erased),
      ),
      block(
        'lead-consent',
        t('leads.consent'),
        facts([
          [t('leads.consent_version'), consent.version],
          [t('leads.consent_at'), dateTime(consent.at, lang)],
        ]),
        consent.text ? h('blockquote', { lang: consent.lang }, consent.text) : h('p', { class: 'muted' }, t('leads.consent_text_gone')),
      ),
      block('lead-conversation', t('leads.conversation'), conversationPart),
      block('lead-deliveries', t('leads.deliveries'), deliveries.length ? scrolling(t('leads.deliveries'), deliveryTable) : h('p', {}, t('leads.deliveries_none'))),
      block(
        'lead-history',
        t('leads.history'),
        history.length
          ? h('ol', { class: 'history' }, ...history.map((row) => h('li', {}, h('span', { class: 'muted' }, dateTime(row.at, lang)), ' ', row.actor, ' · ', t(`audit.actions.${row.action.replace('.', '_')}`, { defaultValue: row.action }))))
          : h('p', {}, t('leads.history_none')),
      ),
    );
  }

  async function refresh(id: string): Promise<boolean> {
    return ctx.guard(async () => {
      const detail = await api.lead(id);
      if (openId !== id) return;
      shown = detail;
      render(detail);
    }, (message) => (error.textContent = message));
  }

  /** Runs a change; on success says so, redraws the lead and tells the list; focus goes back to the lead's title. */
  async function act(run: () => Promise<unknown>, done: string) {
    error.textContent = '';
    const id = openId;
    if (!id) return;
    const ok = await ctx.guard(run, (message) => (error.textContent = message));
    await refresh(id);
    changed();
    if (ok) ctx.announce(done);
    heading.focus();
  }

  // A cancelled dialog gives the focus back to the button that opened it, as a closing dialog does: moving it to the
  // title a moment later would take it from wherever the admin has gone since.
  async function promote(id: string) {
    const reason = await ctx.ask({ title: t('leads.promote_title'), text: t('leads.promote_text'), confirm: t('leads.promote'), input: { kind: 'reason', label: t('leads.reason_label') } });
    if (reason !== null) await act(() => api.promote(id, reason), t('leads.promoted'));
  }

  async function withdraw(id: string) {
    const reason = await ctx.ask({ title: t('leads.withdraw_title'), text: t('leads.withdraw_text'), confirm: t('leads.withdraw'), input: { kind: 'reason', label: t('leads.withdraw_reason') } });
    if (reason !== null) await act(() => api.withdraw(id, reason), t('leads.withdrawn'));
  }

  async function retry(id: string) {
    const go = await ctx.ask({ title: t('leads.retry_title'), text: t('leads.retry_text'), confirm: t('leads.retry') });
    if (go !== null) await act(() => api.retry(id), t('leads.retried'));
  }

  return {
    part,
    shownId: () => shown?.lead.id ?? null,
    async open(id: string, focus: boolean) {
      openId = id;
      shown = null;
      error.textContent = '';
      heading.textContent = t('leads.title');
      meta.replaceChildren();
      actions.replaceChildren();
      body.replaceChildren();
      await refresh(id);
      if (focus) heading.focus();
    },
  };
}
