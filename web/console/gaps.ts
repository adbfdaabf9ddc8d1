// The knowledge gaps page: groups of similar questions the assistant could not answer well, per language, largest
// first, with how often each kind of sign was seen and the wordings asked; admins write an approved answer from one.
import type { TFunction } from 'i18next';
import type { Lang } from '../../agents/language/languages.ts';
import { h } from '../widget/dom.ts';
import type { GapGroup, GapKind } from './api.ts';
import { clockTime } from './format.ts';
import { LANGS } from './i18n.ts';
import { langTag } from './parts.ts';

const KINDS: GapKind[] = ['unanswered', 'thumbs_down', 'escalated'];

export type GapsView = ReturnType<typeof createGaps>;

export function createGaps(t: TFunction, uiLang: Lang, handlers: { admin: boolean; filter: (lang: string) => void; write: (group: GapGroup) => void }) {
  const heading = h('h2', { id: 'gaps-title', tabindex: -1 }, t('gaps.title'));
  const count = h('p', { class: 'count' });
  const select = h('select', { id: 'gaps-lang', name: 'lang' }, h('option', { value: '' }, t('inbox.lang_all')), ...LANGS.map((l) => h('option', { value: l }, t(`lang.${l}`))));
  select.addEventListener('change', () => handlers.filter(select.value));
  const filters = h('form', { class: 'filters one', 'aria-label': t('inbox.filters') }, h('p', { class: 'field' }, h('label', { for: 'gaps-lang' }, t('inbox.lang')), select));
  filters.addEventListener('submit', (event) => event.preventDefault());
  const list = h('ul', { class: 'cards', 'aria-labelledby': 'gaps-title' });
  const empty = h('p', { class: 'empty' }, t('gaps.empty'));
  const section = h(
    'section',
    { class: 'pane knowledge', 'aria-labelledby': 'gaps-title', hidden: true },
    h('div', { class: 'pane-head' }, heading, count),
    h('p', { class: 'intro' }, t('gaps.intro')),
    filters,
    list,
    empty,
  );

  function card(group: GapGroup, i: number, now: number): HTMLLIElement {
    const id = `gap-${i}`;
    const [first, ...others] = group.examples;
    const kinds = KINDS.filter((kind) => group.kinds[kind] > 0).map((kind) => t(`gaps.kind_${kind}`, { count: group.kinds[kind] }));
    const action = group.approvedAnswerId
      ? h('p', { class: 'covered' }, t('gaps.covered'))
      : handlers.admin
        ? h('button', { type: 'button', class: 'secondary write', 'aria-describedby': id }, t('gaps.write'))
        : null;
    if (action instanceof HTMLButtonElement) action.addEventListener('click', () => handlers.write(group));
    return h(
      'li',
      {},
      h(
        'article',
        { class: 'card', 'aria-labelledby': id },
        h('h3', { id, lang: group.lang }, first ?? ''),
        h('p', { class: 'item-top' }, langTag(t, group.lang), h('strong', {}, t('gaps.questions', { count: group.count })), h('span', {}, kinds.join(' · '))),
        others.length ? h('p', { class: 'also' }, t('gaps.also')) : null,
        others.length ? h('ul', { class: 'examples' }, ...others.map((example) => h('li', { lang: group.lang }, example))) : null,
        h('p', { class: 'hint' }, t('gaps.last', { time: clockTime(group.lastAskedAt, uiLang, now) })),
        action,
      ),
    );
  }

  return {
    section,
    heading,
    render(groups: GapGroup[], now: number) {
      list.replaceChildren(...groups.map((group, i) => card(group, i, now)));
      count.textContent = t('gaps.count', { count: groups.length });
      empty.hidden = groups.length > 0;
    },
  };
}
