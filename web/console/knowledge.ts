// The console's knowledge pages: the gaps (every staff member) and the approved answers (admins), the dialogs that
// write and retire one, and the reads that keep them current. The documents of a language are read once per sign-in.
import type { TFunction } from 'i18next';
import type { Lang } from '../../agents/language/languages.ts';
import type { ApprovedInput, KnowledgeDocument, Me, StaffApi } from './api.ts';
import { createApprovedForm } from './approved-form.ts';
import { createApproved } from './approved.ts';
import { createGaps } from './gaps.ts';
import { createRetireDialog } from './retire-dialog.ts';

export type KnowledgeIo = {
  announce: (text: string) => void;
  /** Runs a request; an ended session shows the sign-in form, another failure goes to `fail` (the status region by default). */
  guard: (run: () => Promise<unknown>, fail?: (message: string) => void) => Promise<boolean>;
};
export type Knowledge = ReturnType<typeof createKnowledge>;

export function createKnowledge(t: TFunction, uiLang: Lang, me: Me, api: StaffApi, io: KnowledgeIo) {
  const admin = me.role === 'admin';
  const read = new Map<Lang, Promise<KnowledgeDocument[]>>();
  const documentsOf = (lang: Lang): Promise<KnowledgeDocument[]> => {
    let documents = read.get(lang);
    if (!documents) {
      documents = api.documents(lang);
      read.set(lang, documents);
      documents.catch(() => read.delete(lang));
    }
    return documents;
  };

  let gapsLang = '';
  const form = createApprovedForm(t, { documents: documentsOf, save: (input) => void save(input) });
  const retireDialog = createRetireDialog(t, (id) => void retire(id));
  const gaps = createGaps(t, uiLang, {
    admin,
    filter: (lang) => {
      gapsLang = lang;
      void refreshGaps();
    },
    write: (group) => void form.open({ lang: group.lang, question: group.examples[0] }),
  });
  const approved = admin ? createApproved(t, uiLang, { filter: () => void refreshApproved(), write: () => void form.open({ lang: uiLang }), retire: (answer) => retireDialog.open(answer) }) : null;

  async function refreshGaps() {
    await io.guard(async () => gaps.render(await api.gaps(gapsLang), Date.now()));
  }

  async function refreshApproved() {
    if (!approved) return;
    await io.guard(async () => {
      const answers = await api.approvedAnswers(approved.filter());
      const langs = [...new Set(answers.map((answer) => answer.lang))];
      const byLang = new Map(await Promise.all(langs.map(async (lang) => [lang, await documentsOf(lang)] as const)));
      approved.render(answers, (lang, docId) => byLang.get(lang)?.find((doc) => doc.docId === docId)?.title, Date.now());
    });
  }

  /** A button that opened a dialog may be gone after the redraw: the page's heading takes the focus then. */
  function keepFocus() {
    if (document.activeElement && document.activeElement !== document.body) return;
    (gaps.section.hidden ? approved?.heading : gaps.heading)?.focus();
  }

  let saving = false;
  async function save(input: ApprovedInput) {
    if (saving) return;
    saving = true;
    const saved = await io.guard(() => api.approve(input), (message) => form.fail(message));
    saving = false;
    if (!saved) return;
    form.close();
    io.announce(t('announce.approved_saved'));
    await Promise.all([refreshGaps(), refreshApproved()]);
    keepFocus();
  }

  async function retire(id: string) {
    if (await io.guard(() => api.retire(id))) io.announce(t('announce.approved_retired'));
    await Promise.all([refreshApproved(), refreshGaps()]);
    keepFocus();
  }

  return {
    gaps,
    approved,
    sections: [gaps.section, ...(approved ? [approved.section] : [])],
    dialogs: [form.dialog, retireDialog.dialog],
    refreshGaps,
    refreshApproved,
  };
}
