// The approved answers page (admins): each answer with its question, language, author, how often it was given and the
// documents it cites; a new one is written from here or from a gap, a live one retired after a confirmation.
import type { TFunction } from 'i18next';
import type { Lang } from '../../agents/language/languages.ts';
import { h, renderBlocks } from '../widget/dom.ts';
import { parseMarkdown } from '../widget/markdown.ts';
import type { ApprovedAnswer } from './api.ts';
import { clockTime } from './format.ts';
import { LANGS } from './i18n.ts';
import { langTag } from './parts.ts';

export type ApprovedFilter = { lang: string; retired: boolean };
/** The title of a cited document in a language, when it was read. */
export type TitleOf = (lang: Lang, docId: string) => string | undefined;
export type ApprovedView = ReturnType<typeof createApproved>;

export function createApproved(t: TFunction, uiLang: Lang, handlers: { filter: (filter: ApprovedFilter) => void; write: () => void; retire: (answer: ApprovedAnswer) => void }) {
  const heading = h('h2', { id: 'approved-title', tabindex: -1 }, t('approved.title'));
  const count = h('p', { class: 'count' });
  const write = h('button', { type: 'button', class: 'primary', id: 'approved-new' }, t('approved.new'));
  write.addEventListener('click', handlers.write);
  const select = h('select', { id: 'approved-lang', name: 'lang' }, h('option', { value: '' }, t('inbox.lang_all')), ...LANGS.map((l) => h('option', { value: l }, t(`lang.${l}`))));
  const retired = h('input', { id: 'approved-retired', name: 'retired', type: 'checkbox' });
  const changed = () => handlers.filter({ lang: select.value, retired: retired.checked });
  select.addEventListener('change', changed);
  retired.addEventListener('change', changed);
  const filters = h(
    'form',
    { class: 'filters', 'aria-label': t('inbox.filters') },
    h('p', { class: 'field' }, h('label', { for: 'approved-lang' }, t('inbox.lang')), select),
    h('p', { class: 'check' }, retired, h('label', { for: 'approved-retired' }, t('approved.show_retired'))),
  );
  filters.addEventListener('submit', (event) => event.preventDefault());
  const list = h('ul', { class: 'cards', 'aria-labelledby': 'approved-title' });
  const empty = h('p', { class: 'empty' }, t('approved.empty'));
  const section = h(
    'section',
    { class: 'pane knowledge', 'aria-labelledby': 'approved-title', hidden: true },
    h('div', { class: 'pane-head' }, heading, count, write),
    h('p', { class: 'intro' }, t('approved.intro')),
    filters,
    list,
    empty,
  );

  function card(answer: ApprovedAnswer, titleOf: TitleOf, now: number): HTMLLIElement {
    const id = `approved-${answer.id}`;
    const retire = answer.retiredAt ? null : h('button', { type: 'button', class: 'secondary', 'aria-describedby': id }, t('approved.retire'));
    retire?.addEventListener('click', () => handlers.retire(answer));
    return h(
      'li',
      {},
      h(
        'article',
        { class: `card${answer.retiredAt ? ' retired' : ''}`, 'aria-labelledby': id },
        h('h3', { id, lang: answer.lang }, answer.question),
        h(
          'p',
          { class: 'item-top' },
          langTag(t, answer.lang),
          answer.retiredAt ? h('span', { class: 'tag warn' }, t('approved.retired_tag')) : null,
          h('span', {}, t('approved.by', { name: answer.author, time: clockTime(answer.createdAt, uiLang, now) })),
          h('span', {}, t('approved.uses', { count: answer.uses })),
        ),
        h('div', { class: 'text', lang: answer.lang }, ...renderBlocks(parseMarkdown(answer.answer), (n) => h('sup', { class: 'cite' }, `[${n}]`))),
        h('p', { class: 'also' }, t('approved.cites')),
        h('ol', { class: 'examples' }, ...answer.docIds.map((docId) => h('li', { lang: answer.lang }, titleOf(answer.lang, docId) ?? docId))),
        answer.retiredAt ? h('p', { class: 'hint' }, t('approved.retired', { time: clockTime(answer.retiredAt, uiLang, now) })) : null,
        retire,
      ),
    );
  }

  return {
    section,
    heading,
    write,
    filter: (): ApprovedFilter => ({ lang: select.value, retired: retired.checked }),
    render(answers: ApprovedAnswer[], titleOf: TitleOf, now: number) {
      list.replaceChildren(...answers.map((answer) => card(answer, titleOf, now)));
      count.textContent = t('approved.count', { count: answers.length });
      empty.hidden = answers.length > 0;
    },
  };
}
