// The transfer dialog (T): the holder picks an active colleague, who holds the conversation from then on.
import type { TFunction } from 'i18next';
import { h } from '../widget/dom.ts';
import type { Colleague } from './inbox-api.ts';

export function createTransferDialog(t: TFunction, confirm: (colleague: Colleague) => void) {
  const select = h('select', { id: 'transfer-to', name: 'staffId' });
  const none = h('p', { class: 'hint' }, t('transfer.none'));
  const cancel = h('button', { type: 'button', class: 'secondary' }, t('transfer.cancel'));
  const submit = h('button', { type: 'submit', class: 'primary' }, t('transfer.confirm'));
  const field = h('div', {}, h('label', { for: 'transfer-to' }, t('transfer.to')), select);
  const form = h('form', {}, h('h2', { id: 'transfer-title' }, t('transfer.title')), h('p', { id: 'transfer-text' }, t('transfer.text')), field, none, h('div', { class: 'buttons' }, cancel, submit));
  const dialog = h('dialog', { class: 'transfer-dialog', 'aria-labelledby': 'transfer-title', 'aria-describedby': 'transfer-text' }, form);
  let colleagues: Colleague[] = [];
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = colleagues.find((c) => c.id === select.value);
    if (!chosen) return;
    dialog.close();
    confirm(chosen);
  });
  cancel.addEventListener('click', () => dialog.close());
  return {
    dialog,
    /** Opens with the colleagues one may hand over to (everyone active but oneself). */
    open(list: Colleague[]) {
      colleagues = list;
      select.replaceChildren(...list.map((c) => h('option', { value: c.id }, c.name)));
      field.hidden = list.length === 0;
      submit.disabled = list.length === 0;
      none.hidden = list.length > 0;
      dialog.showModal();
      (list.length ? select : cancel).focus();
    },
  };
}
