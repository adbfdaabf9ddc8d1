// The confirm step before an admin changes a lead or an account: what will happen, and, when the act needs one, a
// reason or a new password. One modal dialog, configured each time it opens; Escape or Cancel changes nothing.
import type { TFunction } from 'i18next';
import { h } from '../widget/dom.ts';
import { MIN_PASSWORD_LENGTH, passwordLength } from '../../agents/security/passwords.ts';
import { submitOnCtrlEnter } from './parts.ts';

/** The server's limit for a reason (functions/staff/lead-routes.ts). */
const MAX_REASON = 500;

export type ConfirmRequest = {
  title: string;
  text: string;
  confirm: string;
  /** A reason (required, kept in the audit log) or a new password (12+ characters) the admin types. */
  input?: { kind: 'reason' | 'password'; label: string };
};

export function createConfirmDialog(t: TFunction) {
  const title = h('h2', { id: 'confirm-title' });
  const text = h('p', { id: 'confirm-text' });
  const label = h('label', { for: 'confirm-input' });
  const reason = h('textarea', { id: 'confirm-input', name: 'reason', rows: 3, maxlength: MAX_REASON, 'aria-describedby': 'confirm-error' });
  const password = h('input', { id: 'confirm-input', name: 'password', type: 'password', autocomplete: 'new-password', 'aria-describedby': 'confirm-error' });
  const slot = h('div', { class: 'confirm-input' });
  const error = h('p', { id: 'confirm-error', class: 'error', role: 'alert' });
  const cancel = h('button', { type: 'button', class: 'secondary' }, t('admin.cancel'));
  const submit = h('button', { type: 'submit', class: 'primary' });
  const form = h('form', { novalidate: true }, title, text, slot, error, h('div', { class: 'buttons' }, cancel, submit));
  const dialog = h('dialog', { class: 'confirm', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-text' }, form);

  let settle: ((value: string | null) => void) | null = null;
  let kind: 'reason' | 'password' | null = null;
  const finish = (value: string | null) => {
    const done = settle;
    settle = null;
    if (dialog.open) dialog.close();
    done?.(value);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = kind === 'reason' ? reason.value.trim() : kind === 'password' ? password.value : '';
    const problem = kind === 'reason' && !value ? t('admin.reason_missing') : kind === 'password' && passwordLength(value) < MIN_PASSWORD_LENGTH ? t('admin.password_short', { min: MIN_PASSWORD_LENGTH }) : '';
    if (problem) {
      error.textContent = problem;
      (kind === 'reason' ? reason : password).focus();
      return;
    }
    finish(value);
  });
  submitOnCtrlEnter(reason, form);
  cancel.addEventListener('click', () => finish(null));
  // Escape closes the dialog without a submit. The close event is queued, and the browser runs a key press before it:
  // one that opens the dialog again must not be answered by the stale event of the previous closing.
  dialog.addEventListener('close', () => {
    if (!dialog.open) finish(null);
  });

  return {
    dialog,
    /** The typed reason or password ('' when none is asked), or null when the admin cancelled. */
    ask(request: ConfirmRequest): Promise<string | null> {
      finish(null);
      title.textContent = request.title;
      text.textContent = request.text;
      submit.textContent = request.confirm;
      error.textContent = '';
      kind = request.input?.kind ?? null;
      reason.value = '';
      password.value = '';
      label.textContent = request.input?.label ?? '';
      slot.replaceChildren(...(kind ? [label, kind === 'reason' ? reason : password] : []));
      dialog.showModal();
      (kind === 'reason' ? reason : kind === 'password' ? password : submit).focus();
      return new Promise((resolve) => (settle = resolve));
    },
  };
}
