// The saved-replies page (#canned-replies, admins): every saved reply by language, a form to add or change one,
// and deletion after a confirmation in place. Reviewers use the replies through the picker by the reply box.
import type { TFunction } from 'i18next';
import { h } from '../widget/dom.ts';
import { LANGS } from './i18n.ts';
import type { CannedFields, CannedReply, InboxApi } from './inbox-api.ts';
import { langTag } from './parts.ts';

/** The server's limits (agents/staff/canned-replies.ts). */
const MAX_TITLE = 120;
const MAX_TEXT = 4000;

type Api = Pick<InboxApi, 'cannedReplies' | 'createCanned' | 'updateCanned' | 'deleteCanned'>;

/**
 * `say` reads a sentence out through the console's status region; `explain` turns a failed request into the words the
 * form shows, or null when the console dealt with it (a session that ended shows the sign-in form).
 */
export function createCannedView(t: TFunction, api: Api, say: (text: string) => void, explain: (error: unknown) => string | null) {
  const heading = h('h2', { id: 'canned-page-title', tabindex: -1 }, t('canned.manage_title'));
  const formTitle = h('h3', { id: 'canned-form-title' }, t('canned.new'));
  const lang = h('select', { id: 'canned-form-lang', name: 'lang' }, ...LANGS.map((l) => h('option', { value: l }, t(`lang.${l}`))));
  const title = h('input', { id: 'canned-form-name', name: 'title', maxlength: MAX_TITLE, required: true, autocomplete: 'off' });
  const text = h('textarea', { id: 'canned-form-text', name: 'text', rows: 4, maxlength: MAX_TEXT, required: true });
  const error = h('p', { class: 'error', role: 'alert' });
  const cancel = h('button', { type: 'button', class: 'secondary' }, t('canned.cancel'));
  const field = (id: string, label: string, control: HTMLElement) => h('p', { class: 'field' }, h('label', { for: id }, label), control);
  const form = h(
    'form',
    { class: 'canned-form', 'aria-labelledby': 'canned-form-title', novalidate: true },
    formTitle,
    field('canned-form-lang', t('canned.lang'), lang),
    field('canned-form-name', t('canned.title_label'), title),
    field('canned-form-text', t('canned.text_label'), text),
    error,
    h('div', { class: 'buttons' }, cancel, h('button', { type: 'submit', class: 'primary' }, t('canned.save'))),
  );
  const body = h('tbody');
  const table = h(
    'table',
    { class: 'canned-table' },
    h('caption', {}, t('canned.list')),
    h('thead', {}, h('tr', {}, ...['col_lang', 'col_title', 'col_text', 'col_actions'].map((key) => h('th', { scope: 'col' }, t(`canned.${key}`))))),
    body,
  );
  const section = h('section', { class: 'section canned-page', 'aria-labelledby': 'canned-page-title' }, heading, h('p', { class: 'intro' }, t('canned.manage_intro')), form, table);
  let editing: string | null = null;
  let replies: CannedReply[] = [];

  function reset() {
    editing = null;
    formTitle.textContent = t('canned.new');
    title.value = '';
    text.value = '';
    error.textContent = '';
    cancel.hidden = true;
  }

  function edit(reply: CannedReply) {
    editing = reply.id;
    formTitle.textContent = t('canned.edit');
    lang.value = reply.lang;
    title.value = reply.title;
    text.value = reply.text;
    error.textContent = '';
    cancel.hidden = false;
    title.focus();
  }

  function row(reply: CannedReply): HTMLTableRowElement {
    const editButton = h('button', { type: 'button', class: 'secondary', 'aria-label': `${t('canned.edit_button')}: ${reply.title}` }, t('canned.edit_button'));
    const deleteButton = h('button', { type: 'button', class: 'secondary', 'aria-label': `${t('canned.delete_button')}: ${reply.title}` }, t('canned.delete_button'));
    const actions = h('td', { class: 'row-actions' }, editButton, deleteButton);
    editButton.addEventListener('click', () => edit(reply));
    // Deleting asks once, in place: the question and its two answers replace the buttons, the focus on "Keep".
    deleteButton.addEventListener('click', () => {
      const keep = h('button', { type: 'button', class: 'secondary' }, t('canned.keep'));
      const confirm = h('button', { type: 'button', class: 'danger' }, t('canned.delete_button'));
      actions.replaceChildren(h('span', { class: 'confirm' }, t('canned.confirm_delete', { title: reply.title })), confirm, keep);
      keep.addEventListener('click', () => {
        actions.replaceChildren(editButton, deleteButton);
        deleteButton.focus();
      });
      confirm.addEventListener('click', () => void act(() => api.deleteCanned(reply.id), 'canned.deleted', heading));
      keep.focus();
    });
    return h('tr', { 'data-id': reply.id }, h('td', {}, langTag(t, reply.lang)), h('td', { lang: reply.lang }, reply.title), h('td', { class: 'canned-text', lang: reply.lang }, reply.text), actions);
  }

  async function load() {
    replies = await api.cannedReplies();
    body.replaceChildren(...replies.map(row));
  }

  /** Runs a change, then shows the list again and says what happened; a refusal is shown by the form. */
  async function act(run: () => Promise<unknown>, done: string, focus: HTMLElement) {
    error.textContent = '';
    try {
      await run();
      reset();
      await load();
      say(t(done));
      focus.focus();
    } catch (failure) {
      error.textContent = explain(failure) ?? '';
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const fields: CannedFields = { lang: lang.value as CannedFields['lang'], title: title.value.trim(), text: text.value.trim() };
    const id = editing;
    void act(() => (id ? api.updateCanned(id, fields) : api.createCanned(fields)), id ? 'canned.updated' : 'canned.created', title);
  });
  cancel.addEventListener('click', () => {
    const id = editing;
    reset();
    if (id) body.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"] button`)?.focus();
  });
  reset();

  return { section, heading, load };
}
