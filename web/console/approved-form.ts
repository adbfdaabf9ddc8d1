// The dialog in which an admin writes an approved answer: language, the question as visitors ask it, the answer, and
// the knowledge documents it cites, numbered [1], [2]… in the order they are ticked. The server checks it all again
// and its localized refusal is shown here.
import type { TFunction } from 'i18next';
import type { Lang } from '../../agents/language/languages.ts';
import { h } from '../widget/dom.ts';
import type { ApprovedInput, KnowledgeDocument } from './api.ts';
import { LANGS } from './i18n.ts';
import { keys, submitOnCtrlEnter } from './parts.ts';

/** The server's limits (functions/staff/knowledge-routes.ts). */
const MAX_QUESTION = 300;
const MAX_ANSWER = 4000;

export type ApprovedForm = ReturnType<typeof createApprovedForm>;

export function createApprovedForm(t: TFunction, io: { documents: (lang: Lang) => Promise<KnowledgeDocument[]>; save: (input: ApprovedInput) => void }) {
  const lang = h('select', { id: 'approve-lang', name: 'lang' }, ...LANGS.map((l) => h('option', { value: l }, t(`lang.${l}`))));
  const question = h('input', { id: 'approve-question', name: 'question', type: 'text', maxlength: MAX_QUESTION, required: true, 'aria-describedby': 'approve-question-hint' });
  const answer = h('textarea', { id: 'approve-answer', name: 'answer', rows: 6, maxlength: MAX_ANSWER, required: true, 'aria-describedby': 'approve-answer-hint' });
  const documents = h('div', { class: 'documents' });
  const error = h('p', { class: 'error', role: 'alert' });
  const cancel = h('button', { type: 'button', class: 'secondary' }, t('approve.cancel'));
  const save = h('button', { type: 'submit', class: 'primary' }, t('approve.save'));
  // novalidate: the browser's bubbles would speak its language; the server answers in the console's.
  const form = h(
    'form',
    { novalidate: true },
    h('h2', { id: 'approve-title' }, t('approve.title')),
    h('p', { id: 'approve-intro' }, t('approve.intro')),
    h('label', { for: 'approve-lang' }, t('approve.lang')),
    lang,
    h('label', { for: 'approve-question' }, t('approve.question')),
    question,
    h('p', { id: 'approve-question-hint', class: 'hint' }, t('approve.question_hint')),
    h('label', { for: 'approve-answer' }, t('approve.answer')),
    answer,
    h('p', { id: 'approve-answer-hint', class: 'hint' }, t('approve.answer_hint'), ' ', t('approve.send_hint_before'), ' ', keys(t('keys.send')), ' ', t('approve.send_hint_after')),
    h('fieldset', {}, h('legend', {}, t('approve.documents')), documents),
    error,
    h('div', { class: 'buttons' }, cancel, save),
  );
  const dialog = h('dialog', { class: 'approve', 'aria-labelledby': 'approve-title', 'aria-describedby': 'approve-intro' }, form);

  // The documents ticked, in the order they were ticked: [1] is the first.
  let chosen: string[] = [];
  let loaded = 0;
  const numberOf = (docId: string) => chosen.indexOf(docId) + 1;

  function drawDocuments(list: KnowledgeDocument[]) {
    chosen = chosen.filter((docId) => list.some((doc) => doc.docId === docId));
    documents.replaceChildren(
      ...list.map((doc, i) => {
        const id = `approve-doc-${i}`;
        const box = h('input', { id, type: 'checkbox', name: 'docIds', value: doc.docId, checked: chosen.includes(doc.docId) });
        const number = h('span', { class: 'number', 'aria-hidden': 'true' });
        box.addEventListener('change', () => {
          chosen = box.checked ? [...chosen, doc.docId] : chosen.filter((docId) => docId !== doc.docId);
          renumber();
        });
        return h('p', { class: 'check', 'data-doc': doc.docId }, box, h('label', { for: id, lang: doc.lang }, number, doc.title));
      }),
    );
    renumber();
  }

  /** Each ticked document shows the marker that cites it. */
  function renumber() {
    for (const row of documents.querySelectorAll<HTMLElement>('[data-doc]')) {
      const n = numberOf(row.dataset.doc!);
      row.querySelector('.number')!.textContent = n ? `[${n}] ` : '';
    }
  }

  async function loadDocuments() {
    const asked = ++loaded;
    const list = await io.documents(lang.value as Lang).catch(() => null);
    // A later language choice wins over an earlier answer that arrives late.
    if (asked !== loaded) return;
    if (list) drawDocuments(list);
    else error.textContent = t('errors.network');
  }
  lang.addEventListener('change', () => void loadDocuments());

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    error.textContent = '';
    io.save({ lang: lang.value as Lang, question: question.value.trim(), answer: answer.value.trim(), docIds: chosen });
  });
  submitOnCtrlEnter(answer, form);
  cancel.addEventListener('click', () => dialog.close());

  return {
    dialog,
    /** Opens empty, or for a gap: its language and its most asked wording, the answer field focused. */
    async open(preset: { lang: Lang; question?: string }) {
      lang.value = preset.lang;
      question.value = preset.question ?? '';
      answer.value = '';
      error.textContent = '';
      chosen = [];
      documents.replaceChildren();
      dialog.showModal();
      (preset.question ? answer : question).focus();
      await loadDocuments();
    },
    fail(message: string) {
      error.textContent = message;
    },
    close() {
      dialog.close();
    },
  };
}
