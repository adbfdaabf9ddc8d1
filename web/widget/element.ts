// <ai-factory-assistant>: launcher, panel, streamed and cited answers, feedback, the lead form, a person on request, restore and forget, in four languages;
// `data-assistant="education"` for teachers (no lead form, no person, an access code when asked) and `data-layout="page"` for a full page.
import type { TFunction } from 'i18next';
import type { Source } from '../../agents/answer/sources.ts';
import type { EscalatedAction, LeadFormAction } from '../../agents/chat/events.ts';
import type { Lang } from '../../agents/language/languages.ts';
import { AccessCode } from './access.ts';
import { ApiError, createApi, type Api, type HistoryMessage, type Stored } from './api.ts';
import { h, icon, ICONS, renderBlocks } from './dom.ts';
import { Handover } from './handover.ts';
import { createWidgetI18n, isLang, LANGS } from './i18n.ts';
import { leadForm } from './lead-form.ts';
import { parseMarkdown, plainText, safeHref } from './markdown.ts';
import { store } from './store.ts';

type Mode = 'text' | 'aria-label' | 'placeholder';
type Binding = { el: Element; key: string; mode: Mode; params?: () => Record<string, unknown>; tagLang?: boolean };

/** One assistant answer on screen: its element parts and what has arrived so far; `approved`: staff approved it, word for word. */
type Reply = { li: HTMLLIElement; body: HTMLDivElement; status: HTMLDivElement; content: string; sources: Source[]; messageId?: string; approved?: boolean; key: string };

let counter = 0;

export class AssistantWidget extends HTMLElement {
  static sheet: CSSStyleSheet | undefined;
  readonly #root = this.attachShadow({ mode: 'open' });
  readonly #translators = createWidgetI18n();
  #t!: TFunction;
  #lang: Lang = 'en';
  #assistant = 'public';
  #page = false;
  #access!: AccessCode;
  #api!: Api;
  #base = '';
  #bindings: Binding[] = [];
  #stored: Stored | null = null;
  #busy: AbortController | null = null;
  #restored = false;
  #rendering = 0;
  #handover!: Handover;
  #el!: { launcher: HTMLButtonElement; panel: HTMLElement; scroll: HTMLElement; list: HTMLOListElement; live: HTMLElement; input: HTMLTextAreaElement; send: HTMLButtonElement; stop: HTMLButtonElement; forget: HTMLElement; langs: HTMLButtonElement[] };

  connectedCallback() {
    if (this.#el) return;
    if (AssistantWidget.sheet) this.#root.adoptedStyleSheets = [AssistantWidget.sheet];
    const wanted = this.dataset.lang;
    // A full page has its own language links: the page's language wins over the one remembered.
    this.#page = this.dataset.layout === 'page';
    this.#lang = (this.#page && isLang(wanted) ? wanted : store.lang()) ?? (isLang(wanted) ? wanted : 'en');
    this.#assistant = this.dataset.assistant === 'education' ? 'education' : 'public';
    this.#base = (this.dataset.api ?? location.origin).replace(/\/+$/, '');
    this.#api = createApi(this.#base);
    this.#stored = store.conversation(this.#assistant);
    this.#t = this.#translators(this.#lang);
    this.#build();
    this.#setLang(this.#lang);
    if (this.#page) this.open(false);
  }

  disconnectedCallback() {
    this.#busy?.abort();
    this.#handover?.stop();
  }

  // ---- strings ---------------------------------------------------------------------------------------------------

  #bind<E extends Element>(el: E, key: string, mode: Mode = 'text', extra: Partial<Binding> = {}): E {
    const binding = { el, key, mode, ...extra };
    this.#bindings.push(binding);
    this.#apply(binding);
    return el;
  }

  #apply({ el, key, mode, params, tagLang }: Binding) {
    const text = this.#t(key, params?.() ?? {});
    if (mode === 'text') el.textContent = text;
    else el.setAttribute(mode, text);
    if (tagLang) el.setAttribute('lang', this.#lang);
  }

  #setLang(lang: Lang) {
    this.#lang = lang;
    this.#t = this.#translators(lang);
    this.setAttribute('lang', lang);
    this.#bindings = this.#bindings.filter((b) => b.el.isConnected || this.#root.contains(b.el));
    for (const binding of this.#bindings) this.#apply(binding);
    for (const button of this.#el.langs) button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
    this.#root.querySelector('a.privacy')?.setAttribute('href', `${this.#base}/${lang}/${this.#edu ? 'edu#privacy' : 'privacy'}`);
    this.#root.querySelector('a.terms')?.setAttribute('href', `${this.#base}/${lang}/terms`);
  }

  // ---- layout ----------------------------------------------------------------------------------------------------

  get #edu() {
    return this.#assistant === 'education';
  }

  #build() {
    const edu = this.#edu;
    const page = this.#page;
    const launcher = h('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'panel' }, icon(ICONS.chat));
    launcher.append(this.#bind(h('span', {}), 'launcher.short'));
    launcher.addEventListener('click', () => this.open());

    const langs = LANGS.map((lang) => {
      const button = h('button', { type: 'button', class: 'lang', 'data-lang': lang, 'aria-pressed': 'false' }, lang.toUpperCase(), h('span', { class: 'sr-only', lang }, ` ${this.#translators(lang)(`language.${lang}`)}`));
      button.addEventListener('click', () => {
        store.setLang(lang);
        this.#setLang(lang);
      });
      return button;
    });
    const close = this.#bind(h('button', { type: 'button', class: 'icon-button close' }, icon(ICONS.close)), 'panel.close', 'aria-label');
    close.addEventListener('click', () => this.close());

    // Teachers' conversations are kept a day, not 30: their own notices, and the link to the page that explains them.
    // The terms of use (what AI answers are worth, acceptable use) follow the AI notice.
    const away = page ? {} : { target: '_blank', rel: 'noopener' };
    const privacy = h('p', {}, this.#bind(h('span', {}), edu ? 'education.notice' : 'notice.privacy'), ' ', this.#bind(h('a', { class: 'privacy', ...away }), 'notice.privacy_link'));
    const terms = h('p', {}, ...(edu ? [] : [this.#bind(h('span', {}), 'chat:ai_notice'), ' ']), this.#bind(h('a', { class: 'terms', ...away }), 'notice.terms_link'));
    const notice = h('div', { class: 'notice' }, ...(edu ? [privacy, terms] : [terms, privacy]));
    const list = h('ol', { class: 'messages' });
    const scroll = this.#bind(h('div', { class: 'scroll', tabindex: '0', role: 'region' }, notice, list), 'panel.conversation', 'aria-label');

    const input = this.#bind(h('textarea', { id: 'question', rows: 2, maxlength: 4000, 'aria-describedby': 'hint', autocomplete: 'off' }), edu ? 'education.placeholder' : 'composer.placeholder', 'placeholder');
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
    const send = h('button', { type: 'submit', class: 'send' }, icon(ICONS.send), this.#bind(h('span', {}), 'composer.send'));
    const stop = h('button', { type: 'button', class: 'stop', hidden: true }, icon(ICONS.stop), this.#bind(h('span', {}), 'composer.stop'));
    stop.addEventListener('click', () => {
      this.#busy?.abort();
      input.focus();
    });
    const form = h('form', { class: 'composer' }, this.#bind(h('label', { for: 'question', class: 'sr-only' }), 'composer.label'), input, send, stop, this.#bind(h('p', { id: 'hint', class: 'hint' }), 'composer.hint'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = input.value.trim();
      if (!text || this.#busy) return;
      input.value = '';
      void this.#ask(text);
    });

    const forget = h('div', { class: 'forget', hidden: !this.#stored });
    this.#renderForget(forget, false);
    // No person to hand teachers over to: the button is the public assistant's.
    const talk = this.#bind(h('button', { type: 'button', class: 'talk', hidden: edu }), 'handover.button');
    talk.addEventListener('click', () => void this.#talk());
    const banner = h('div', { class: 'handover', hidden: true });
    this.#handover = new Handover({
      bind: (el, key, params) => this.#bind(el, key, 'text', { params, tagLang: true }),
      text: (key, params) => this.#t(key, params ?? {}),
      list,
      banner,
      announce: (text) => this.#announce(text),
      scroll: () => this.#scrollDown(),
      url: (after) => this.#stored && this.#api.events(this.#stored, after),
      changed: () => (talk.hidden = edu || this.#handover.status !== 'bot'),
      restart: () => {
        this.#remember(null);
        list.replaceChildren();
        input.focus();
      },
    });

    const live = h('div', { class: 'sr-only', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this.#access = new AccessCode({ bind: (el, key) => this.#bind(el, key), announce: (text) => this.#announce(text) });
    const title = this.#bind(h('h2', { id: 'title' }), edu ? 'education.title' : 'panel.title');
    // A full page is no dialog: nothing to close, and the page's own links choose the language.
    const header = page ? h('div', { class: 'header' }, title) : h('div', { class: 'header' }, title, close, this.#bind(h('div', { class: 'langs', role: 'group' }, ...langs), 'language.label', 'aria-label'));
    const panel = h('section', { id: 'panel', class: 'panel', role: page ? null : 'dialog', 'aria-labelledby': 'title', hidden: true }, header, scroll, banner, this.#access.form, form, h('div', { class: 'tools' }, talk, forget));
    panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        this.close();
      }
    });
    this.#root.append(h('div', { class: 'root' }, launcher, panel, live));
    this.#el = { launcher, panel, scroll, list, live, input, send, stop, forget, langs: page ? [] : langs };
  }

  // ---- open, close -----------------------------------------------------------------------------------------------

  /** Opens the panel; a full page opens it on load, without taking the focus. */
  open(focus = true) {
    const { panel, launcher, input } = this.#el;
    panel.hidden = false;
    launcher.hidden = true;
    launcher.setAttribute('aria-expanded', 'true');
    if (focus) input.focus();
    if (!this.#restored) {
      this.#restored = true;
      void this.#restore();
    }
  }

  close() {
    if (this.#page) return;
    const { panel, launcher } = this.#el;
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  #announce(text: string) {
    const { live } = this.#el;
    live.textContent = '';
    // A fresh node after a tick, so the same words are announced again.
    setTimeout(() => (live.textContent = text), 50);
  }

  #scrollDown() {
    const { scroll } = this.#el;
    scroll.scrollTop = scroll.scrollHeight;
  }

  // ---- messages --------------------------------------------------------------------------------------------------

  #addUser(text: string, lang: Lang): HTMLLIElement {
    const li = h('li', { class: 'msg user', lang }, this.#bind(h('p', { class: 'who' }), 'message.you', 'text', { tagLang: true }), h('p', { class: 'text' }, text));
    this.#el.list.append(li);
    this.#scrollDown();
    return li;
  }

  #addReply(lang: Lang, role = 'assistant'): Reply {
    const key = `m${++counter}`;
    const who = h('p', { class: 'who' }, this.#bind(h('span', {}), role === 'staff' ? 'message.staff' : 'message.assistant', 'text', { tagLang: true }));
    if (role !== 'staff') who.append(' ', this.#bind(h('span', { class: 'badge' }), 'message.ai_label', 'text', { tagLang: true }));
    const body = h('div', { class: 'body' });
    const status = h('div', { class: 'status' });
    const li = h('li', { class: `msg ${role === 'staff' ? 'staff' : 'assistant'}`, lang }, who, body, status);
    this.#el.list.append(li);
    this.#scrollDown();
    return { li, body, status, content: '', sources: [], key };
  }

  #typing(reply: Reply, on: boolean) {
    reply.status.replaceChildren(...(on ? [h('p', { class: 'typing' }, h('span', { class: 'dots', 'aria-hidden': 'true' }, h('span'), h('span'), h('span')), this.#bind(h('span', {}), 'message.typing', 'text', { tagLang: true }))] : []));
  }

  #renderBody(reply: Reply) {
    const known = new Map(reply.sources.map((s) => [s.n, s]));
    const cite = (n: number): Node => {
      const source = known.get(n);
      if (!source) return document.createTextNode(`[${n}]`);
      const button = this.#bind(h('button', { type: 'button', class: 'cite', 'aria-controls': `${reply.key}-src-${n}` }, `[${n}]`), 'message.cite', 'aria-label', { params: () => ({ n, title: source.title }) });
      button.addEventListener('click', () => this.#openSource(reply, n));
      return button;
    };
    reply.body.replaceChildren(...renderBlocks(parseMarkdown(reply.content), cite));
  }

  #scheduleRender(reply: Reply) {
    if (this.#rendering) return;
    this.#rendering = requestAnimationFrame(() => {
      this.#rendering = 0;
      this.#renderBody(reply);
      this.#scrollDown();
    });
  }

  #openSource(reply: Reply, n: number) {
    const toggle = reply.li.querySelector<HTMLButtonElement>(`button[aria-controls="${reply.key}-src-${n}"].source`);
    if (!toggle) return;
    if (toggle.getAttribute('aria-expanded') !== 'true') toggle.click();
    toggle.focus();
  }

  #renderSources(reply: Reply) {
    if (!reply.sources.length) return;
    const items = reply.sources.map((source) => {
      const id = `${reply.key}-src-${source.n}`;
      const href = source.url ? safeHref(source.url) : null;
      const detail = h('div', { id, class: 'source-detail', hidden: true }, h('p', { lang: source.lang }, source.snippet), href && this.#bind(h('a', { href, target: '_blank', rel: 'noopener' }), 'message.open_source'));
      const toggle = h('button', { type: 'button', class: 'source', 'aria-expanded': 'false', 'aria-controls': id }, h('span', { class: 'n' }, `[${source.n}]`), ' ', h('span', { lang: source.lang }, source.title));
      toggle.addEventListener('click', () => {
        const open = toggle.getAttribute('aria-expanded') !== 'true';
        toggle.setAttribute('aria-expanded', String(open));
        detail.hidden = !open;
      });
      return h('li', {}, toggle, detail);
    });
    const heading = this.#bind(h('h3', { id: `${reply.key}-sources` }), 'message.sources', 'text', { tagLang: true });
    reply.li.insertBefore(h('div', { class: 'sources' }, heading, h('ol', { 'aria-labelledby': `${reply.key}-sources` }, ...items)), reply.status);
  }

  /** An answer staff approved is theirs, not generated: its mark replaces the AI label. */
  #renderApproved(reply: Reply) {
    if (reply.approved) reply.li.querySelector('.badge')?.replaceWith(this.#bind(h('span', { class: 'badge approved' }), 'message.approved', 'text', { tagLang: true }));
  }

  #renderFeedback(reply: Reply) {
    if (!reply.messageId) return;
    const messageId = reply.messageId;
    const question = this.#bind(h('span', { id: `${reply.key}-fb` }), 'feedback.question', 'text', { tagLang: true });
    const thumb = (rating: 'up' | 'down') => {
      const button = this.#bind(h('button', { type: 'button', class: `icon-button thumb ${rating}`, 'aria-pressed': 'false' }, icon(ICONS[rating])), `feedback.${rating}`, 'aria-label');
      button.addEventListener('click', () => {
        for (const other of group.querySelectorAll('.thumb')) other.setAttribute('aria-pressed', String(other === button));
        chosen = rating;
        form.hidden = false;
        comment.focus();
      });
      return button;
    };
    let chosen: 'up' | 'down' = 'up';
    const comment = h('textarea', { id: `${reply.key}-comment`, rows: 2, maxlength: 1000 });
    const form = h('form', { class: 'feedback-form', hidden: true }, this.#bind(h('label', { for: `${reply.key}-comment` }), 'feedback.comment', 'text', { tagLang: true }), comment, this.#bind(h('button', { type: 'submit' }), 'feedback.send'));
    const note = h('p', { class: 'feedback-note' });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!this.#stored) return;
      try {
        const text = comment.value.trim();
        await this.#api.feedback(this.#stored, { messageId, rating: chosen, ...(text ? { comment: text } : {}) });
        form.remove();
        for (const button of group.querySelectorAll('button')) button.setAttribute('disabled', '');
        this.#bind(note, 'feedback.thanks', 'text', { tagLang: true });
        note.tabIndex = -1;
        note.focus();
      } catch {
        this.#bind(note, 'feedback.failed', 'text', { tagLang: true });
      }
      this.#announce(note.textContent ?? '');
    });
    const group = h('div', { class: 'thumbs', role: 'group', 'aria-labelledby': `${reply.key}-fb` }, question, thumb('up'), thumb('down'));
    reply.li.append(h('div', { class: 'feedback' }, group, form, note));
  }

  #note(reply: Reply, key: string, retry?: () => void, message?: string) {
    const p = message ? h('p', { class: 'note' }, message) : this.#bind(h('p', { class: 'note' }), key, 'text', { tagLang: true });
    const children: Node[] = [p];
    if (retry) {
      const button = this.#bind(h('button', { type: 'button', class: 'retry' }), 'errors.retry');
      button.addEventListener('click', retry);
      children.push(button);
    }
    reply.status.replaceChildren(...children);
    this.#announce(p.textContent ?? '');
    return children.at(-1) as HTMLElement;
  }

  /** The lead form the server asked for, after the answer that offers it; it does not take the focus. */
  #addLeadForm(action: LeadFormAction, need: string) {
    const form = leadForm(
      `m${++counter}`,
      action,
      need,
      (el, key) => this.#bind(el, `lead.${key}`),
      () => this.#t,
      (body) => this.#api.lead({ ...body, conversationId: this.#stored?.id, lang: this.#lang }, this.#stored?.token),
      (text) => this.#announce(text),
    );
    this.#el.list.append(h('li', { class: 'msg lead' }, form));
  }

  #finish(reply: Reply) {
    this.#renderApproved(reply);
    this.#renderBody(reply);
    this.#renderSources(reply);
    this.#renderFeedback(reply);
    this.#scrollDown();
  }

  // ---- a turn ----------------------------------------------------------------------------------------------------

  #setBusy(controller: AbortController | null) {
    this.#busy = controller;
    const { send, stop } = this.#el;
    send.hidden = !!controller;
    stop.hidden = !controller;
  }

  async #ask(text: string, asked?: HTMLLIElement, lang?: Lang) {
    // Staff closed the conversation: what the visitor writes next starts a new one.
    if (this.#handover.status === 'resolved') this.#remember(null);
    const user = asked ?? this.#addUser(text, this.#lang);
    // While a person is awaited or holds the conversation, the message is for them: no assistant bubble, unless the
    // server answers after all (staff handed it back meanwhile).
    let reply = null as Reply | null;
    const bubble = () => (reply ??= this.#addReply(user.lang as Lang));
    if (!this.#handover.active) this.#typing(bubble(), true);
    const controller = new AbortController();
    this.#setBusy(controller);
    let finished = false;
    let staff = false;
    let lead: LeadFormAction | null = null;
    let escalated: EscalatedAction | null = null;
    const retry = () => {
      reply?.li.remove();
      void this.#ask(text, user, lang);
    };
    try {
      const accessCode = this.#access.code;
      const request = { message: text, assistant: this.#assistant, ...(this.#stored ? { conversationId: this.#stored.id } : {}), ...(lang ? { lang } : {}), ...(accessCode ? { accessCode } : {}) };
      for await (const event of this.#api.chat(request, this.#lang, this.#stored?.token, controller.signal)) {
        if (event.event === 'meta') {
          this.#remember({ id: event.data.conversationId, token: event.data.conversationToken });
          user.lang = event.data.lang;
          staff = event.data.mode === 'staff';
          if (staff) {
            reply?.li.remove();
            reply = null;
          } else bubble().li.lang = event.data.lang;
        } else if (event.event === 'token') {
          const r = bubble();
          if (!r.content) this.#typing(r, false);
          r.content += event.data.text;
          this.#scheduleRender(r);
        } else if (event.event === 'reset') {
          bubble().content = '';
          this.#scheduleRender(bubble());
        } else if (event.event === 'sources') {
          bubble().sources = event.data.sources;
        } else if (event.event === 'action') {
          if (event.data.type === 'lead_form' && !this.#edu) lead = event.data;
          if (event.data.type === 'escalated') escalated = event.data;
        } else if (event.event === 'done') {
          finished = true;
          if (staff) {
            // What redaction removed from a teacher's message is the only text the assistant sends while staff hold it.
            if (reply) this.#renderBody(reply);
            user.append(this.#bind(h('p', { class: 'sent' }), 'handover.sent', 'text', { tagLang: true }));
            this.#announce(this.#t('handover.sent'));
            this.#scrollDown();
            continue;
          }
          const r = bubble();
          r.messageId = event.data.messageId;
          r.approved = event.data.approved;
          this.#typing(r, false);
          this.#finish(r);
          const answered = this.#t('message.answered', { text: plainText(parseMarkdown(r.content)) });
          this.#announce(r.approved ? `${this.#t('message.approved')}. ${answered}` : answered);
        } else if (event.event === 'error') {
          finished = true;
          this.#renderBody(bubble());
          this.#note(bubble(), '', retry, event.data.message);
        }
      }
      if (!finished) throw new TypeError('stream ended early');
      // Once the stream has ended, so that no pending render scrolls the answer away from view.
      if (lead) this.#addLeadForm(lead, text);
      // Asked for a person (or found one holding the conversation): wait for them on the events stream.
      if (escalated) this.#handover.follow(escalated.status, escalated);
      if (escalated?.email) this.#offerEmail(escalated.email.consent);
      else if (staff && !this.#handover.active) this.#handover.follow(null);
    } catch (error) {
      // The teachers' assistant wants a code (or a valid one): ask for it, and ask the question again with it.
      if (error instanceof ApiError && error.code === 'access_code_required') {
        reply?.li.remove();
        this.#access.ask(retry);
        return;
      }
      const r = bubble();
      this.#renderBody(r);
      if (controller.signal.aborted) this.#note(r, 'message.stopped');
      else if (error instanceof ApiError) {
        // The conversation was deleted or expired elsewhere: the next try starts a new one.
        if (error.status === 403 || error.status === 404) this.#remember(null);
        this.#note(r, '', retry, error.message);
      } else this.#note(r, 'errors.network', retry);
    } finally {
      cancelAnimationFrame(this.#rendering);
      this.#rendering = 0;
      this.#setBusy(null);
    }
  }

  /**
   * The "talk to a person" button. With a conversation, POST …/escalate and its notice. Without one, it sends the
   * localized request through the chat instead: no endpoint opens an empty conversation, the server recognises the
   * request in all four languages and answers with the queue place, and staff see what was asked as its first message.
   */
  #offerEmail(consent: { version: string; text: string; label: string }) {
    this.#handover.offerEmail(consent, async (email, version) => {
      if (this.#stored) await this.#api.notify(this.#stored, { email, consent: { given: true, version } });
    });
  }

  async #talk(): Promise<void> {
    const { list, input } = this.#el;
    input.focus();
    if (this.#busy) return;
    if (!this.#stored) return this.#ask(this.#t('handover.ask'), undefined, this.#lang);
    try {
      const state = await this.#api.escalate(this.#stored);
      list.append(h('li', { class: 'event' }, h('p', {}, state.notice)));
      this.#handover.follow(state.status, state);
      if (state.email) this.#offerEmail(state.email.consent);
      this.#announce(state.notice);
    } catch (error) {
      // The conversation was deleted or expired elsewhere: ask in a new one.
      if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
        this.#remember(null);
        return this.#talk();
      }
      const message = error instanceof ApiError ? error.message : this.#t('errors.network');
      list.append(h('li', { class: 'event' }, h('p', { class: 'note' }, message)));
      this.#announce(message);
    }
    this.#scrollDown();
  }

  #remember(stored: Stored | null) {
    if (!stored) this.#handover.reset();
    this.#stored = stored;
    store.setConversation(this.#assistant, stored);
    this.#el.forget.hidden = !stored;
  }

  // ---- restore and forget ----------------------------------------------------------------------------------------

  async #restore() {
    const stored = this.#stored;
    if (!stored) return;
    try {
      const history = await this.#api.history(stored);
      for (const message of history.messages) this.#show(message);
      if (history.messages.length) this.#announce(this.#t('restored'));
      if (history.status !== 'bot') this.#handover.follow(history.status);
      this.#scrollDown();
    } catch (error) {
      if (error instanceof ApiError && (error.status === 403 || error.status === 404)) this.#remember(null);
      else this.#announce(this.#t('errors.restore'));
    }
  }

  #show(message: HistoryMessage) {
    if (message.role === 'user') {
      this.#addUser(message.content, message.lang);
      return;
    }
    if (message.role === 'staff') return this.#handover.staff(message.id, message.content, message.author ?? '', message.lang);
    if (message.role === 'system') return this.#handover.notice(message.content, message.lang);
    const reply = this.#addReply(message.lang, message.role);
    reply.content = message.content;
    reply.sources = message.sources ?? [];
    reply.approved = message.approved;
    if (message.role === 'assistant' && message.state === 'complete') reply.messageId = message.id;
    this.#finish(reply);
    if (message.state !== 'complete') this.#note(reply, 'message.incomplete');
  }

  #renderForget(container: HTMLElement, confirming: boolean) {
    if (!confirming) {
      const button = this.#bind(h('button', { type: 'button', class: 'link-button' }), 'forget.button');
      button.addEventListener('click', () => this.#renderForget(container, true));
      container.replaceChildren(button);
      return button;
    }
    const yes = this.#bind(h('button', { type: 'button', class: 'danger' }), 'forget.yes');
    const no = this.#bind(h('button', { type: 'button' }), 'forget.no');
    yes.addEventListener('click', () => void this.#forget(container));
    no.addEventListener('click', () => this.#renderForget(container, false).focus());
    container.replaceChildren(h('div', { class: 'confirm', role: 'group', 'aria-labelledby': 'forget-q' }, this.#bind(h('p', { id: 'forget-q' }), 'forget.confirm'), yes, no));
    no.focus();
    return no;
  }

  async #forget(container: HTMLElement) {
    if (!this.#stored) return;
    this.#busy?.abort();
    try {
      await this.#api.forget(this.#stored);
      this.#remember(null);
      this.#el.list.replaceChildren();
      this.#renderForget(container, false);
      this.#announce(this.#t('forget.done'));
      this.#el.input.focus();
    } catch {
      this.#announce(this.#t('forget.failed'));
    }
  }
}
