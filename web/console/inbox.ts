// The inbox pane: filters by status, language and assistant, and the queue (longest waiting first, as the server
// orders it) with each conversation's status, waiting time or holder, and last message.
import type { TFunction } from 'i18next';
import { h } from '../widget/dom.ts';
import type { Filter, Me, QueueItem } from './api.ts';
import { queueTimer } from './first-response.ts';
import { heldByMe, minutesSince } from './format.ts';
import { LANGS } from './i18n.ts';
import { badge, keys, langTag } from './parts.ts';

/** The status filter's choices: the value sent as `?status=` (empty: the server's default, waiting and held). */
const STATUS_CHOICES = [
  ['', 'open'],
  ['escalated', 'escalated'],
  ['staff', 'staff'],
  ['bot', 'bot'],
  ['resolved', 'resolved'],
  ['escalated,staff,bot,resolved', 'all'],
] as const;

export type InboxView = ReturnType<typeof createInbox>;

export function createInbox(t: TFunction, initial: Filter, handlers: { filter: (filter: Filter) => void; open: (id: string) => void }) {
  const filter = { ...initial };
  const select = (name: keyof Filter, label: string, options: [string, string, string?][]) => {
    const id = `filter-${name}`;
    const el = h('select', { id, name }, ...options.map(([value, text, lang]) => h('option', { value, lang, selected: value === filter[name] }, text)));
    el.addEventListener('change', () => {
      filter[name] = el.value;
      handlers.filter({ ...filter });
    });
    return h('p', { class: 'field' }, h('label', { for: id }, label), el);
  };
  const heading = h('h2', { id: 'inbox-title', tabindex: -1 }, t('inbox.title'));
  const count = h('p', { class: 'count' });
  const list = h('ul', { class: 'queue', 'aria-labelledby': 'inbox-title' });
  const empty = h('p', { class: 'empty' }, t('inbox.empty'));
  const filters = h(
    'form',
    { class: 'filters', 'aria-label': t('inbox.filters') },
    select('status', t('inbox.status'), STATUS_CHOICES.map(([value, key]) => [value, t(`inbox.status_${key}`)])),
    select('lang', t('inbox.lang'), [['', t('inbox.lang_all')], ...LANGS.map((l): [string, string] => [l, t(`lang.${l}`)])]),
    select('assistant', t('inbox.assistant'), [['', t('inbox.assistant_all')], ['public', t('assistant.public')], ['education', t('assistant.education')]]),
  );
  filters.addEventListener('submit', (event) => event.preventDefault());
  const hint = h('p', { class: 'hint' }, t('inbox.hint_before'), ' ', keys('?'), ' ', t('inbox.hint_after'));
  const section = h('section', { class: 'pane inbox', 'aria-labelledby': 'inbox-title' }, h('div', { class: 'pane-head' }, heading, count), filters, list, empty, hint);

  function line(item: QueueItem, me: Me, now: number): string {
    if (item.status === 'escalated' && item.waitingSince) {
      const minutes = minutesSince(item.waitingSince, now);
      return minutes < 1 ? t('inbox.waiting_new') : t('inbox.waiting', { count: minutes });
    }
    if (item.status === 'staff') return heldByMe(item.assignee, me) ? t('inbox.held_by_you') : t('inbox.held_by', { name: item.assignee?.name ?? '?' });
    return t(`inbox.line_${item.status}`);
  }

  return {
    section,
    heading,
    /** Redraws the queue; the focused conversation keeps the focus across the redraw. */
    render(items: QueueItem[], openId: string | null, me: Me, now: number) {
      const focusedId = (document.activeElement as HTMLElement | null)?.closest?.('.queue')
        ? (document.activeElement as HTMLElement).dataset.id
        : undefined;
      list.replaceChildren(
        ...items.map((item) => {
          const button = h(
            'button',
            { type: 'button', class: 'item', 'data-id': item.id, 'aria-current': item.id === openId ? 'true' : null },
            h('span', { class: 'item-top' }, badge(t, item.status), langTag(t, item.lang), h('span', { class: 'tag' }, t(`assistant.${item.assistant}`))),
            h('span', { class: `item-line line-${item.status}` }, line(item, me, now)),
            queueTimer(t, item, now),
            h('span', { class: 'item-last', lang: item.lang }, item.lastMessage ?? t('inbox.no_message')),
          );
          button.addEventListener('click', () => handlers.open(item.id));
          return h('li', {}, button);
        }),
      );
      count.textContent = t('inbox.count', { count: items.length });
      empty.hidden = items.length > 0;
      if (focusedId) list.querySelector<HTMLElement>(`[data-id="${CSS.escape(focusedId)}"]`)?.focus();
    },
  };
}
