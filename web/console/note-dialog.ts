// The private note dialog (N): a note for staff about the open conversation, never shown to the visitor.
import type { TFunction } from 'i18next';
import { h } from '../widget/dom.ts';
import { keys, submitOnCtrlEnter } from './parts.ts';

/** The server's limit for a note (agents/staff/notes.ts). */
const MAX_NOTE = 2000;

export function createNoteDialog(t: TFunction, save: (text: string) => void) {
  const text = h('textarea', { id: 'note-text', name: 'note', rows: 4, maxlength: MAX_NOTE, required: true, 'aria-describedby': 'note-hint' });
  const cancel = h('button', { type: 'button', class: 'secondary' }, t('notes.cancel'));
  const submit = h('button', { type: 'submit', class: 'primary' }, t('notes.save'));
  const form = h(
    'form',
    { novalidate: true },
    h('h2', { id: 'note-title' }, t('notes.title')),
    h('p', { id: 'note-about' }, t('notes.text')),
    h('label', { for: 'note-text' }, t('notes.label')),
    text,
    h('p', { id: 'note-hint', class: 'hint' }, t('notes.hint_before'), ' ', keys(t('keys.send')), ' ', t('notes.hint_after')),
    h('div', { class: 'buttons' }, cancel, submit),
  );
  const dialog = h('dialog', { class: 'note-dialog', 'aria-labelledby': 'note-title', 'aria-describedby': 'note-about' }, form);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const note = text.value.trim();
    if (!note) return text.focus();
    dialog.close();
    save(note);
  });
  submitOnCtrlEnter(text, form);
  cancel.addEventListener('click', () => dialog.close());
  return {
    dialog,
    open() {
      text.value = '';
      dialog.showModal();
      text.focus();
    },
  };
}
