// The confirm step before retiring an approved answer: which one, and that visitors will no longer get it.
import type { TFunction } from 'i18next';
import { h } from '../widget/dom.ts';

export function createRetireDialog(t: TFunction, confirm: (id: string) => void) {
  const question = h('p', { class: 'quoted' });
  const cancel = h('button', { type: 'button', class: 'secondary' }, t('approved.retire_cancel'));
  const submit = h('button', { type: 'submit', class: 'primary' }, t('approved.retire_confirm'));
  const form = h('form', {}, h('h2', { id: 'retire-title' }, t('approved.retire_title')), question, h('p', { id: 'retire-text' }, t('approved.retire_text')), h('div', { class: 'buttons' }, cancel, submit));
  const dialog = h('dialog', { class: 'retire', 'aria-labelledby': 'retire-title', 'aria-describedby': 'retire-text' }, form);
  let id = '';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    dialog.close();
    confirm(id);
  });
  cancel.addEventListener('click', () => dialog.close());
  return {
    dialog,
    open(answer: { id: string; question: string; lang: string }) {
      id = answer.id;
      question.textContent = answer.question;
      question.lang = answer.lang;
      dialog.showModal();
      cancel.focus();
    },
  };
}
