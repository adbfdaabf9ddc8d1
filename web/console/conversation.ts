// The conversation pane: who the visitor is talking to and since when, the moves staff may make (claim, hand back,
// resolve), the transcript, and the reply box — enabled only for the holder, with a one-line reason otherwise.
import type { TFunction } from 'i18next';
import type { Lang } from '../../agents/language/languages.ts';
import { h } from '../widget/dom.ts';
import type { Detail, Me } from './api.ts';
import { detailTimer } from './first-response.ts';
import { clockTime, heldByMe, minutesSince, movesFor, type Moves } from './format.ts';
import { actionButton, badge, keys, langTag, submitOnCtrlEnter } from './parts.ts';
import { messageItem } from './transcript.ts';

export type ConversationHandlers = {
  claim: () => void;
  release: () => void;
  resolve: () => void;
  send: (text: string) => void;
  back: () => void;
  note: () => void;
  transfer: () => void;
  canned: () => void;
};
export type ConversationView = ReturnType<typeof createConversation>;

export function createConversation(t: TFunction, uiLang: Lang, handlers: ConversationHandlers) {
  const heading = h('h2', { id: 'conversation-title', tabindex: -1 }, t('conversation.none_title'));
  const back = h('button', { type: 'button', class: 'back secondary' }, t('conversation.back'));
  back.addEventListener('click', handlers.back);
  const meta = h('p', { class: 'meta' });
  const holder = h('p', { class: 'holder' });
  const note = h('p', { class: 'resolution' });
  const actions = h('div', { class: 'actions' });
  const error = h('p', { class: 'error', role: 'alert' });
  const transcript = h('ol', { class: 'transcript' });
  // The transcript scrolls on its own between the conversation's head and the reply box, and takes the focus so
  // that it scrolls by keyboard too.
  const scroller = h('div', { class: 'scroller', role: 'region', tabindex: 0, 'aria-label': t('conversation.transcript') }, transcript);
  const none = h('p', { class: 'none' }, t('conversation.none_before'), ' ', keys('J'), ' ', t('conversation.none_after'));

  const input = h('textarea', { id: 'reply', name: 'reply', rows: 3, maxlength: 4000, 'aria-describedby': 'reply-reason', 'aria-keyshortcuts': 'r' });
  const reason = h('p', { id: 'reply-reason', class: 'reason' });
  const send = h('button', { type: 'submit', class: 'primary', 'aria-keyshortcuts': 'Control+Enter' }, h('span', {}, t('conversation.send')), keys(t('keys.send')));
  const canned = actionButton(t('canned.open'), 's', 'secondary canned-open', handlers.canned);
  const form = h('form', { class: 'reply', 'aria-label': t('conversation.reply_form') }, h('label', { for: 'reply' }, t('conversation.reply_label')), input, h('div', { class: 'reply-row' }, reason, canned, send));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!input.disabled && input.value.trim()) handlers.send(input.value.trim());
  });
  submitOnCtrlEnter(input, form);
  // A reply being typed survives a reload and a sign-in after the session ran out (the tab's own storage, cleared
  // when the reply is sent or the tab closes): the server refuses it while signed out, and the words were lost.
  const draftKey = () => `aif-console-draft:${shownId}`;
  const storage = (): Storage | null => {
    try {
      return globalThis.sessionStorage ?? null;
    } catch {
      return null;
    }
  };
  input.addEventListener('input', () => {
    if (!shownId) return;
    if (input.value) storage()?.setItem(draftKey(), input.value);
    else storage()?.removeItem(draftKey());
  });

  const top = h('div', { class: 'conversation-top' }, h('div', { class: 'pane-head' }, back, heading), meta, holder, note, actions, error);
  const section = h('section', { class: 'pane conversation', 'aria-labelledby': 'conversation-title' }, top, scroller, form);
  let moves: Moves = { claim: false, reply: false, release: false, resolve: false };
  let shownId: string | null = null;
  // Live updates redraw the transcript only when it changed, and keep the sources a reader opened open.
  let drawn = '';
  const openSources = new Set<string>();
  transcript.addEventListener(
    'toggle',
    (event) => {
      const details = event.target as HTMLDetailsElement;
      const id = details.closest<HTMLElement>('[data-message]')?.dataset.message;
      if (id) (details.open ? openSources.add(id) : openSources.delete(id));
    },
    true, // toggle does not bubble
  );

  function showNone() {
    shownId = null;
    heading.textContent = t('conversation.none_title');
    for (const el of [meta, holder, note, actions, scroller, form]) el.hidden = true;
    top.insertBefore(none, meta);
    error.textContent = '';
  }
  showNone();

  function reasonText(detail: Detail): string {
    const { status, assignee } = detail.conversation;
    if (moves.reply) return t('conversation.reason_ready');
    if (status === 'staff') return t('conversation.reason_held', { name: assignee?.name ?? '?' });
    return t(`conversation.reason_${status}`);
  }

  return {
    section,
    heading,
    input,
    moves: () => moves,
    showNone,
    /** Draws `detail`; a new conversation starts with an empty reply box, a redraw of the same one keeps the draft. */
    render(detail: Detail, me: Me, now: number) {
      const c = detail.conversation;
      const mine = heldByMe(c.assignee, me);
      moves = movesFor(c.status, mine, c.assignee?.present === false);
      if (shownId !== c.id) {
        input.value = storage()?.getItem(`aif-console-draft:${c.id}`) ?? '';
        error.textContent = '';
        drawn = '';
        openSources.clear();
      }
      shownId = c.id;
      none.remove();
      for (const el of [meta, holder, actions, scroller, form]) el.hidden = false;
      heading.textContent = t(`conversation.title.${c.lang}`);
      const since = c.status === 'escalated' && c.waitingSince ? minutesSince(c.waitingSince, now) : null;
      meta.replaceChildren(
        badge(t, c.status),
        langTag(t, c.lang),
        h('span', { class: 'tag' }, t(`assistant.${c.assistant}`)),
        h('span', {}, t('conversation.started', { time: clockTime(c.createdAt, uiLang, now) })),
        ...(since === null ? [] : [h('span', { class: 'waiting' }, since < 1 ? t('inbox.waiting_new') : t('inbox.waiting', { count: since }))]),
        detailTimer(t, detail, now) ?? '',
      );
      holder.textContent =
        c.status === 'staff' ? (mine ? t('conversation.held_by_you') : t('conversation.held_by_other', { name: c.assignee?.name ?? '?' })) : t(`conversation.holder_${c.status}`);
      holder.className = `holder${c.status === 'staff' && !mine ? ' other' : ''}`;
      note.hidden = c.status !== 'resolved';
      note.textContent = c.resolvedAt ? t(c.resolutionNote ? 'conversation.resolved_note' : 'conversation.resolved_at', { time: clockTime(c.resolvedAt, uiLang, now), note: c.resolutionNote ?? '' }) : '';
      // Only the moves the server would accept are offered; the focused one keeps the focus across the redraw.
      const focused = (document.activeElement as HTMLElement | null)?.closest?.('.actions') ? document.activeElement!.id : undefined;
      const offered = (
        [
          ['claim', moves.claim, t('conversation.claim'), 'c', 'primary', handlers.claim],
          ['release', moves.release, t('conversation.release'), 'h', 'secondary', handlers.release],
          // The holder may pass it on; anyone may leave a note for colleagues.
          ['transfer', moves.release, t('transfer.open'), 't', 'secondary', handlers.transfer],
          ['resolve', moves.resolve, t('conversation.resolve'), 'e', 'secondary', handlers.resolve],
          ['note', true, t('notes.add'), 'n', 'secondary', handlers.note],
        ] as const
      )
        .filter(([, offer]) => offer)
        .map(([move, , label, key, style, act]) => Object.assign(actionButton(label, key, style, act), { id: `move-${move}` }));
      actions.replaceChildren(...offered);
      if (focused) document.getElementById(focused)?.focus();
      // New messages scroll into view; a redraw with nothing new leaves the reader (and the focus) where they were.
      const signature = JSON.stringify(detail.messages.map((m) => [m.id, m.state, m.content.length]));
      if (signature !== drawn) {
        drawn = signature;
        transcript.replaceChildren(...detail.messages.map((m) => messageItem(t, uiLang, m, now, openSources.has(m.id))));
        scroller.scrollTop = scroller.scrollHeight;
      }
      input.disabled = !moves.reply;
      send.disabled = !moves.reply;
      canned.disabled = !moves.reply;
      reason.textContent = reasonText(detail);
      reason.className = `reason${moves.reply ? '' : ' blocked'}`;
    },
    fail(message: string) {
      error.textContent = message;
    },
    clearError() {
      error.textContent = '';
    },
    clearReply() {
      input.value = '';
      storage()?.removeItem(draftKey());
    },
  };
}
