// The console's controller: session (sign in, out, expiry), the inbox and the open conversation kept current by the
// staff event stream, the moves staff make, the sections beside the inbox (knowledge gaps, approved answers, metrics,
// saved replies) and the shortcuts that start them. State lives in this instance only.
import type { TFunction } from 'i18next';
import type { Lang } from '../../agents/language/languages.ts';
import { h } from '../widget/dom.ts';
import { createAdminSections } from './admin.ts';
import { ApiError, createStaffApi, type Detail, type Filter, type Me, type QueueItem } from './api.ts';
import { createCannedPicker, insertAtCursor } from './canned-picker.ts';
import { createCannedView } from './canned-view.ts';
import { createConversation, type ConversationView } from './conversation.ts';
import { tickTimers } from './first-response.ts';
import { heldByMe } from './format.ts';
import { browserLang, createConsoleI18n } from './i18n.ts';
import { createInbox, type InboxView } from './inbox.ts';
import { createInboxApi, type CannedReply, type Colleague } from './inbox-api.ts';
import { createKnowledge } from './knowledge.ts';
import { followStaffEvents, type StaffEvent } from './live.ts';
import { createLogin } from './login.ts';
import { createMetricsView } from './metrics-view.ts';
import { createNoteDialog } from './note-dialog.ts';
import { createNotifyToggle, type NotifyToggle } from './notify.ts';
import { keys } from './parts.ts';
import { createResolveDialog } from './resolve-dialog.ts';
import { createNav, hashText, namesSection, plainSection, routeOf, sectionOf, type SectionName, type SectionView } from './sections.ts';
import { createShortcutsDialog, listenForShortcuts } from './shortcuts.ts';
import { createTransferDialog } from './transfer-dialog.ts';

/** Waiting times are whole minutes: redrawing twice a minute keeps them right without a timer per row. */
const TICK_MS = 30_000;
/** The first-response timers count seconds; only their own text changes each second. */
const TIMER_MS = 1_000;

type Views = {
  inbox: InboxView;
  conversation: ConversationView;
  status: HTMLElement;
  live: HTMLElement;
  frame: HTMLElement;
  help: () => void;
  resolve: () => void;
  note: () => void;
  transfer: (colleagues: Colleague[]) => void;
  canned: (lang: Lang) => Promise<void>;
  notify: NotifyToggle;
  sections: Partial<Record<SectionName, SectionView>>;
  markSection: (name: SectionName | null) => void;
};

export class StaffConsole {
  readonly #root: HTMLElement;
  /** Before sign-in and after sign-out the console speaks the browser's language; in between, the staff member's. */
  readonly #browserLang: Lang;
  readonly #translators = createConsoleI18n();
  readonly #api = createStaffApi(() => this.#lang);
  readonly #inboxApi = createInboxApi(this.#api);
  #lang: Lang;
  #t: TFunction;
  #me: Me | null = null;
  #filter: Filter = { status: '', lang: '', assistant: '' };
  #queue: QueueItem[] = [];
  #openId: string | null = null;
  #detail: Detail | null = null;
  #section: SectionName | null = null;
  #views: Views | null = null;
  #cleanup: (() => void)[] = [];
  #pending = new Map<'queue' | 'detail', ReturnType<typeof setTimeout>>();
  #sending = false;
  /** Counts sign-ins and sign-outs: an answer that arrives after its session ended is dropped, not shown. */
  #session = 0;

  constructor(root: HTMLElement) {
    this.#root = root;
    this.#browserLang = browserLang(document.documentElement.lang);
    this.#lang = this.#browserLang;
    this.#t = this.#translators(this.#lang);
  }

  async start(): Promise<void> {
    try {
      await this.#signedIn(await this.#api.me());
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) console.error(error);
      this.#showLogin();
    }
  }

  // ---- session ---------------------------------------------------------------------------------------------------

  #setLang(lang: Lang) {
    this.#lang = lang;
    this.#t = this.#translators(lang);
    document.documentElement.lang = lang;
    document.title = this.#t('page.title');
  }

  #showLogin(notice?: string) {
    this.#teardown();
    this.#me = null;
    this.#setLang(this.#browserLang);
    const login = createLogin(this.#t, this.#lang, (email, password) => this.#login(email, password), notice);
    this.#root.replaceChildren(login.main);
    login.focus();
  }

  /** Signs in; the refusal's localized message, or null once the console is shown. */
  async #login(email: string, password: string): Promise<string | null> {
    try {
      await this.#api.login(email, password);
      await this.#signedIn(await this.#api.me());
      return null;
    } catch (error) {
      return error instanceof ApiError ? error.message : this.#t('errors.network');
    }
  }

  async #logout() {
    // Stopped first: nothing still in flight may answer "session ended" once the session is closed on purpose.
    this.#teardown();
    await this.#api.logout().catch(() => undefined);
    this.#showLogin(this.#t('login.signed_out'));
  }

  #teardown() {
    this.#session++;
    for (const stop of this.#cleanup.splice(0)) stop();
    for (const timer of this.#pending.values()) clearTimeout(timer);
    this.#pending.clear();
    this.#views = null;
    this.#queue = [];
    this.#openId = null;
    this.#detail = null;
    this.#section = null;
  }

  /** The console in the staff member's own language, live from the first moment. */
  async #signedIn(me: Me) {
    this.#teardown();
    this.#me = me;
    this.#setLang(me.lang);
    this.#build(me);
    this.#connect();
    const wanted = hashText(location.hash);
    await this.#refreshQueue();
    if (this.#views && sectionOf(location.hash, Object.keys(this.#views.sections) as SectionName[])) return this.#route();
    // A link to a section this staff member does not have (a reviewer following #approved or #leads) shows the inbox.
    if (namesSection(location.hash)) history.replaceState(null, '', location.pathname);
    else if (wanted && wanted !== 'inbox') await this.#open(wanted, false);
    this.#views?.inbox.heading.focus();
  }

  // ---- building --------------------------------------------------------------------------------------------------

  #build(me: Me) {
    const t = this.#t;
    const inbox = createInbox(t, this.#filter, { filter: (filter) => this.#applyFilter(filter), open: (id) => void this.#open(id, true) });
    const conversation = createConversation(t, this.#lang, {
      claim: () => void this.#claim(),
      release: () => void this.#release(),
      resolve: () => this.#askResolve(),
      send: (text) => void this.#send(text),
      back: () => this.#toInbox(),
      note: () => this.#askNote(),
      transfer: () => void this.#askTransfer(),
      canned: () => void this.#askCanned(),
    });
    conversation.input.addEventListener('keydown', (event) => {
      // Escape leaves the reply box (the draft stays), so the single-key shortcuts work again.
      if (event.key === 'Escape') conversation.heading.focus();
    });
    const shortcuts = createShortcutsDialog(t);
    const resolve = createResolveDialog(t, (note) => void this.#resolve(note));
    const note = createNoteDialog(t, (text) => void this.#addNote(text));
    const transfer = createTransferDialog(t, (colleague) => void this.#transfer(colleague));
    const canned = createCannedPicker(t, () => this.#inboxApi.cannedReplies(), (reply) => this.#insertCanned(reply));
    const notify = createNotifyToggle(
      t,
      (text) => this.#announce(text),
      (id) => void this.#open(id, true),
    );
    const knowledge = createKnowledge(t, this.#lang, me, this.#api, { announce: (text) => this.#announce(text), guard: (run, fail) => this.#guard(run, fail) });
    // Approved answers, saved replies, leads, the audit log and staff accounts are for admins: a reviewer's console
    // has no such section.
    const sections: Views['sections'] = { gaps: plainSection({ section: knowledge.gaps.section, heading: knowledge.gaps.heading, load: knowledge.refreshGaps }) };
    if (knowledge.approved) sections.approved = plainSection({ section: knowledge.approved.section, heading: knowledge.approved.heading, load: knowledge.refreshApproved });
    sections.metrics = plainSection(createMetricsView(t, this.#lang, this.#inboxApi, (error) => this.#failed(error)));
    const admin = me.role === 'admin' ? createAdminSections({ t, lang: this.#lang, me, guard: (run, fail) => this.#guard(run, fail), announce: (text) => this.#announce(text) }, this.#api) : null;
    if (admin) {
      const explain = (error: unknown) => {
        if (!(error instanceof ApiError)) return t('errors.network');
        if (error.status !== 401) return error.message;
        this.#showLogin(t('login.expired'));
        return null;
      };
      sections['canned-replies'] = plainSection(createCannedView(t, this.#inboxApi, (text) => this.#announce(text), explain));
      Object.assign(sections, admin.views);
    }
    const nav = createNav(t, Object.keys(sections) as SectionName[]);
    const status = h('div', { class: 'sr-only', role: 'status' });
    const live = h('p', { class: 'live' }, t('header.connecting'));
    const help = h('button', { type: 'button', class: 'secondary help', 'aria-keyshortcuts': '?' }, h('span', { class: 'label' }, t('header.shortcuts')), keys('?'));
    help.addEventListener('click', () => shortcuts.open());
    const logout = h('button', { type: 'button', class: 'secondary' }, t('header.logout'));
    logout.addEventListener('click', () => void this.#logout());
    const frame = h(
      'div',
      { class: 'app', 'data-view': 'inbox' },
      h(
        'header',
        { class: 'bar' },
        h('h1', { class: 'brand' }, h('span', { class: 'mark', 'aria-hidden': 'true' }, 'AI'), ' ', t('brand')),
        nav.nav,
        h('div', { class: 'bar-actions' }, notify.button, help, logout),
        h('div', { class: 'bar-status' }, h('p', { class: 'who' }, t('header.signed_in', { name: me.name }), ' ', h('span', { class: 'tag' }, t(`header.role_${me.role}`))), live),
      ),
      h('main', { id: 'main', class: 'panes' }, inbox.section, conversation.section, ...Object.values(sections).map((view) => Object.assign(view.section, { hidden: true }))),
      status,
      shortcuts.dialog,
      resolve.dialog,
      note.dialog,
      transfer.dialog,
      canned.dialog,
      ...knowledge.dialogs,
      admin?.dialog,
    );
    this.#root.replaceChildren(frame);
    this.#views = { inbox, conversation, status, live, frame, help: shortcuts.open, resolve: resolve.open, note: note.open, transfer: transfer.open, canned: canned.open, notify, sections, markSection: nav.mark };
    nav.mark(null);
    // The moves on the open conversation act only while the inbox is shown, not behind a section that hides it.
    const inInbox = (run: () => void) => () => {
      if (!this.#section) run();
    };
    const tick = setInterval(() => this.#redraw(), TICK_MS);
    const timers = setInterval(() => tickTimers(t, frame, Date.now()), TIMER_MS);
    const onHash = () => this.#route();
    window.addEventListener('hashchange', onHash);
    this.#cleanup.push(() => clearInterval(tick), () => clearInterval(timers), () => window.removeEventListener('hashchange', onHash));
    this.#cleanup.push(
      listenForShortcuts({
        next: inInbox(() => void this.#step(1)),
        previous: inInbox(() => void this.#step(-1)),
        claim: inInbox(() => void this.#claim()),
        reply: inInbox(() => this.#focusReply()),
        release: inInbox(() => void this.#release()),
        resolve: inInbox(() => this.#askResolve()),
        // From a section, through the address, so that back returns to the section.
        inbox: () => (this.#section ? (location.hash = 'inbox') : this.#toInbox()),
        gaps: () => this.#goTo('gaps'),
        approved: () => (sections.approved ? this.#goTo('approved') : this.#announce(t('announce.admins_only'))),
        help: () => shortcuts.open(),
        note: inInbox(() => this.#askNote()),
        transfer: inInbox(() => void this.#askTransfer()),
        canned: inInbox(() => void this.#askCanned()),
      }),
    );
  }

  #redraw() {
    const views = this.#views;
    if (!views || !this.#me) return;
    views.inbox.render(this.#queue, this.#openId, this.#me, Date.now());
    if (this.#detail) views.conversation.render(this.#detail, this.#me, Date.now());
  }

  /** Says `text` through the status region; emptied first so the same words twice are read twice. */
  #announce(text: string) {
    const status = this.#views?.status;
    if (!status) return;
    status.textContent = '';
    setTimeout(() => (status.textContent = text), 50);
  }

  // ---- live updates ----------------------------------------------------------------------------------------------

  #connect() {
    this.#cleanup.push(
      followStaffEvents({
        event: (event) => this.#onEvent(event),
        live: (on) => {
          this.#setLive(on);
          if (on) this.#soon('queue');
        },
        refused: async () => {
          try {
            await this.#api.me();
            return 'again';
          } catch (error) {
            if (!(error instanceof ApiError) || error.status !== 401) return 'later';
            this.#showLogin(this.#t('login.expired'));
            return 'stop';
          }
        },
      }),
    );
  }

  #setLive(on: boolean) {
    const live = this.#views?.live;
    if (!live) return;
    live.textContent = this.#t(on ? 'header.live' : 'header.reconnecting');
    live.className = `live${on ? ' on' : ''}`;
  }

  #onEvent({ type, conversationId, status, position, moved }: StaffEvent) {
    if (type === 'status' && status === 'escalated' && !moved) {
      this.#announce(this.#t('announce.new'));
      if (conversationId) this.#views?.notify.escalated(conversationId, position);
    }
    if (type === 'visitor_message' && conversationId === this.#openId) this.#announce(this.#t('announce.visitor_wrote'));
    this.#soon('queue');
    if (conversationId && conversationId === this.#openId) this.#soon('detail');
  }

  /** Several events in a burst (a claim writes two) cost one read. */
  #soon(what: 'queue' | 'detail') {
    if (this.#pending.has(what)) return;
    this.#pending.set(
      what,
      setTimeout(() => {
        this.#pending.delete(what);
        void (what === 'queue' ? this.#refreshQueue() : this.#refreshDetail());
      }, 80),
    );
  }

  // ---- reading ---------------------------------------------------------------------------------------------------

  async #refreshQueue() {
    const session = this.#session;
    await this.#guard(async () => {
      const queue = await this.#api.queue(this.#filter);
      if (session !== this.#session || !this.#views || !this.#me) return;
      this.#queue = queue;
      this.#views.inbox.render(queue, this.#openId, this.#me, Date.now());
    });
  }

  async #refreshDetail() {
    const id = this.#openId;
    if (!id) return;
    await this.#guard(async () => {
      const detail = await this.#api.conversation(id);
      if (id !== this.#openId || !this.#views || !this.#me) return;
      this.#detail = detail;
      this.#views.conversation.render(detail, this.#me, Date.now());
    });
  }

  #applyFilter(filter: Filter) {
    this.#filter = filter;
    void this.#refreshQueue();
  }

  async #open(id: string, focus: boolean) {
    const views = this.#views;
    if (!views) return;
    this.#showSection(null);
    // Opening the conversation already shown refreshes it: the reply box stays usable meanwhile (a reload opens it
    // from the address, and a click on it then had left a Ctrl+Enter with no conversation to send to).
    if (this.#openId !== id) this.#detail = null;
    this.#openId = id;
    history.replaceState(null, '', `#${encodeURIComponent(id)}`);
    views.frame.dataset.view = 'conversation';
    if (this.#me) views.inbox.render(this.#queue, id, this.#me, Date.now());
    views.conversation.clearError();
    await this.#refreshDetail();
    if (!this.#detail) {
      this.#openId = null;
      history.replaceState(null, '', location.pathname);
      views.conversation.showNone();
      views.frame.dataset.view = 'inbox';
    }
    if (focus) views.conversation.heading.focus();
  }

  async #step(delta: 1 | -1) {
    if (!this.#queue.length) return this.#announce(this.#t('announce.empty'));
    const at = this.#queue.findIndex((item) => item.id === this.#openId);
    const next = at < 0 ? (delta > 0 ? 0 : this.#queue.length - 1) : at + delta;
    const item = this.#queue[next];
    if (!item) return this.#announce(this.#t(delta > 0 ? 'announce.last' : 'announce.first'));
    await this.#open(item.id, true);
  }

  #toInbox() {
    const views = this.#views;
    if (!views) return;
    if (this.#section) history.replaceState(null, '', this.#openId ? `#${encodeURIComponent(this.#openId)}` : location.pathname);
    this.#showSection(null);
    views.frame.dataset.view = 'inbox';
    const current = this.#openId ? views.inbox.section.querySelector<HTMLElement>(`[data-id="${CSS.escape(this.#openId)}"]`) : null;
    (current ?? views.inbox.section.querySelector<HTMLElement>('.item') ?? views.inbox.heading).focus();
  }

  // ---- sections --------------------------------------------------------------------------------------------------

  /** Follows the address: a section's hash (#gaps, #leads/<id>…) shows that section, #inbox the inbox, a conversation's id opens it. */
  #route() {
    const views = this.#views;
    if (!views) return;
    const name = sectionOf(location.hash, Object.keys(views.sections) as SectionName[]);
    if (name) {
      this.#showSection(name);
      void this.#guard(() => views.sections[name]!.show(routeOf(location.hash), true));
      return;
    }
    // A conversation's id (a lead's page links to its conversation) opens it.
    const wanted = hashText(location.hash);
    if (wanted && wanted !== 'inbox' && !namesSection(location.hash)) return void this.#open(wanted, true);
    // A section this staff member does not have shows the inbox, without its name in the address.
    if (namesSection(location.hash)) history.replaceState(null, '', location.pathname);
    this.#toInbox();
  }

  /** A section's shortcut: the address changes (so back returns), or the section is read again if already shown. */
  #goTo(name: SectionName) {
    if (location.hash === `#${name}`) this.#route();
    else location.hash = name;
  }

  /** Shows a section in place of the inbox and conversation panes, or (null) the panes again. */
  #showSection(name: SectionName | null) {
    const views = this.#views;
    if (!views || this.#section === name) return;
    this.#section = name;
    views.inbox.section.hidden = views.conversation.section.hidden = name !== null;
    for (const [key, view] of Object.entries(views.sections)) view.section.hidden = key !== name;
    if (name) views.frame.dataset.section = name;
    else delete views.frame.dataset.section;
    views.markSection(name);
  }

  /** A failure of a section's request: a session that ended shows the sign-in form, anything else is said. */
  #failed(error: unknown) {
    if (error instanceof ApiError && error.status === 401) return this.#showLogin(this.#t('login.expired'));
    this.#announce(error instanceof ApiError ? error.message : this.#t('errors.network'));
  }

  // ---- moves -----------------------------------------------------------------------------------------------------

  /** The open conversation when the move is offered for it; otherwise says why not and returns null. */
  #target(move: 'claim' | 'reply' | 'release' | 'resolve'): string | null {
    const views = this.#views;
    const detail = this.#detail;
    if (!views || !detail || !this.#me || !this.#openId) {
      this.#announce(this.#t('announce.none_open'));
      return null;
    }
    if (views.conversation.moves()[move]) return this.#openId;
    const { status, assignee } = detail.conversation;
    const mine = heldByMe(assignee, this.#me);
    this.#announce(
      status === 'staff' && !mine ? this.#t('conversation.reason_held', { name: assignee?.name ?? '?' }) : status === 'staff' ? this.#t('announce.already_yours') : this.#t(`conversation.reason_${status}`),
    );
    return null;
  }

  async #act(run: () => Promise<unknown>, done: string) {
    const views = this.#views;
    if (!views) return;
    views.conversation.clearError();
    const ok = await this.#guard(run, (message) => views.conversation.fail(message));
    await Promise.all([this.#refreshDetail(), this.#refreshQueue()]);
    if (ok) this.#announce(done);
    // A move's button disappears once made: focus returns to the conversation rather than to the page's start.
    if (!document.activeElement || document.activeElement === document.body) views.conversation.heading.focus();
  }

  async #claim() {
    const id = this.#target('claim');
    if (id) await this.#act(() => this.#api.claim(id), this.#t('announce.claimed'));
  }

  #focusReply() {
    if (this.#target('reply')) this.#views?.conversation.input.focus();
  }

  async #send(text: string) {
    const id = this.#target('reply');
    if (!id || this.#sending) return;
    this.#sending = true;
    await this.#act(async () => {
      await this.#api.reply(id, text);
      this.#views?.conversation.clearReply();
    }, this.#t('announce.sent'));
    this.#sending = false;
  }

  async #release() {
    const id = this.#target('release');
    if (id) await this.#act(() => this.#api.release(id), this.#t('announce.released'));
  }

  #askResolve() {
    if (this.#target('resolve')) this.#views?.resolve();
  }

  async #resolve(note: string) {
    const id = this.#target('resolve');
    if (id) await this.#act(() => this.#api.resolve(id, note), this.#t('announce.resolved'));
  }

  /** A note may be left on any open conversation, whoever holds it. */
  #askNote() {
    if (!this.#detail || !this.#openId) return this.#announce(this.#t('announce.none_open'));
    this.#views?.note();
  }

  async #addNote(text: string) {
    const id = this.#openId;
    if (id) await this.#act(() => this.#inboxApi.addNote(id, text), this.#t('notes.saved'));
  }

  /** Only the holder transfers (the same condition as handing back). */
  async #askTransfer() {
    if (!this.#target('release')) return;
    const me = this.#me;
    await this.#guard(async () => {
      const colleagues = (await this.#inboxApi.members()).filter((c) => c.id !== me?.id);
      this.#views?.transfer(colleagues);
    });
  }

  async #transfer(colleague: Colleague) {
    const id = this.#target('release');
    if (id) await this.#act(() => this.#inboxApi.transfer(id, colleague.id), this.#t('transfer.done', { name: colleague.name }));
  }

  async #askCanned() {
    if (!this.#target('reply') || !this.#detail) return;
    const lang = this.#detail.conversation.lang;
    await this.#guard(() => this.#views!.canned(lang));
  }

  #insertCanned(reply: CannedReply) {
    const input = this.#views?.conversation.input;
    if (!input || input.disabled) return;
    insertAtCursor(input, reply.text);
    input.focus();
    this.#announce(this.#t('canned.inserted'));
  }

  /** Runs a request; an ended session shows the sign-in form, other failures go to `fail` (or the status region). */
  async #guard(run: () => Promise<unknown>, fail: (message: string) => void = (message) => this.#announce(message)): Promise<boolean> {
    const session = this.#session;
    try {
      await run();
      return true;
    } catch (error) {
      if (session !== this.#session) return false;
      if (error instanceof ApiError && error.status === 401) {
        this.#showLogin(this.#t('login.expired'));
        return false;
      }
      fail(error instanceof ApiError ? error.message : this.#t('errors.network'));
      return false;
    }
  }
}
