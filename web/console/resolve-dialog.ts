// The confirm step before resolving: what the visitor will be told, and an optional note that stays with staff.
import type { TFunction } from 'i18next';
import { h } from '../widget/dom.ts';
import { keys, submitOnCtrlEnter } from './parts.ts';

/** The server's limit for a resolution note (functions/staff/conversation-routes.ts). */
const MAX_NOTE = 2000;

export function createResolveDialog(t: TFunction, confirm: (note: string) => void) {
  const note = h('textarea', { id: 'resolve-note', name: 'note', rows: 3, maxlength: MAX_NOTE, 'aria-describedby': 'resolve-hint' });
  const cancel = h('button', { type: 'button', class: 'secondary' }, t('resolve.cancel'));
  const submit = h('button', { type: 'submit', class: 'primary' }, t('resolve.confirm'));
  const form = h(
    'form',
    {},
    h('h2', { id: 'resolve-title' }, t('resolve.title')),
    h('p', { id: 'resolve-text' }, t('resolve.text')),
    h('label', { for: 'resolve-note' }, t('resolve.note')),
    note,
    h('p', { id: 'resolve-hint', class: 'hint' }, t('resolve.hint_before'), ' ', keys(t('keys.send')), ' ', t('resolve.hint_after')),
    h('div', { class: 'buttons' }, cancel, submit),
  );
  const dialog = h('dialog', { class: 'resolve', 'aria-labelledby': 'resolve-title', 'aria-describedby': 'resolve-text' }, form);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    dialog.close();
    confirm(note.value.trim());
  });
  submitOnCtrlEnter(note, form);
  cancel.addEventListener('click', () => dialog.close());
  return {
    dialog,
    open() {
      note.value = '';
      dialog.showModal();
      note.focus();
    },
  };
}
