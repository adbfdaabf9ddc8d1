// The saved-replies picker (S, or its button by the reply box): the replies in the conversation's language, filtered
// as one types; the arrow keys move through them and Enter puts the chosen text into the reply box at the cursor.
import type { TFunction } from 'i18next';
import type { Lang } from '../../agents/language/languages.ts';
import { h } from '../widget/dom.ts';
import { LANGS } from './i18n.ts';
import type { CannedReply } from './inbox-api.ts';

/** Puts `text` into the reply box at the cursor (or in place of the selection), leaving the cursor after it. */
export function insertAtCursor(box: HTMLTextAreaElement, text: string): void {
  const { selectionStart: start, selectionEnd: end, value } = box;
  const before = value.slice(0, start);
  const after = value.slice(end);
  // Typed at the end of words already written, the saved text starts a line of its own; a selection is just replaced.
  const joined = start === end && before && !before.endsWith('\n') ? `${before}\n${text}` : `${before}${text}`;
  box.value = `${joined}${after}`;
  box.selectionStart = box.selectionEnd = joined.length;
}

export function createCannedPicker(t: TFunction, load: () => Promise<CannedReply[]>, choose: (reply: CannedReply) => void) {
  const lang = h('select', { id: 'canned-lang' }, ...LANGS.map((l) => h('option', { value: l }, t(`lang.${l}`))));
  const filter = h('input', { id: 'canned-filter', type: 'search', autocomplete: 'off', spellcheck: 'false', 'aria-controls': 'canned-options' });
  const list = h('ul', { id: 'canned-options', class: 'canned-options', 'aria-labelledby': 'canned-title' });
  const empty = h('p', { class: 'empty', 'aria-live': 'polite' });
  const close = h('button', { type: 'button', class: 'secondary' }, t('canned.close'));
  const dialog = h(
    'dialog',
    { class: 'canned-picker', 'aria-labelledby': 'canned-title', 'aria-describedby': 'canned-intro' },
    h('h2', { id: 'canned-title' }, t('canned.title')),
    h('p', { id: 'canned-intro' }, t('canned.intro')),
    h('div', { class: 'canned-fields' }, h('p', { class: 'field' }, h('label', { for: 'canned-lang' }, t('canned.lang')), lang), h('p', { class: 'field' }, h('label', { for: 'canned-filter' }, t('canned.filter')), filter)),
    list,
    empty,
    h('div', { class: 'buttons' }, close),
  );
  let replies: CannedReply[] = [];

  function draw() {
    const words = filter.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const shown = replies.filter((r) => r.lang === lang.value && words.every((w) => `${r.title} ${r.text}`.toLowerCase().includes(w)));
    list.replaceChildren(
      ...shown.map((reply) => {
        const button = h('button', { type: 'button', class: 'canned-option', 'data-id': reply.id }, h('span', { class: 'canned-name' }, reply.title), h('span', { class: 'canned-text', lang: reply.lang }, reply.text));
        button.addEventListener('click', () => {
          dialog.close();
          choose(reply);
        });
        return h('li', {}, button);
      }),
    );
    empty.textContent = shown.length ? '' : t(words.length ? 'canned.empty' : 'canned.none_in', { lang: t(`lang.${lang.value}`) });
  }

  const options = () => [...list.querySelectorAll<HTMLButtonElement>('.canned-option')];
  // Up and down move between the filter and the replies, as in a list box.
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const all = options();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0 && document.activeElement !== filter) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? (at < 0 ? 0 : Math.min(at + 1, all.length - 1)) : at - 1;
    (next < 0 ? filter : all[next])?.focus();
  });
  filter.addEventListener('input', draw);
  lang.addEventListener('change', draw);
  close.addEventListener('click', () => dialog.close());

  return {
    dialog,
    async open(conversationLang: Lang) {
      lang.value = conversationLang;
      filter.value = '';
      replies = [];
      list.replaceChildren();
      empty.textContent = t('canned.loading');
      dialog.showModal();
      filter.focus();
      try {
        replies = await load();
      } catch (error) {
        dialog.close();
        throw error;
      }
      draw();
    },
  };
}
