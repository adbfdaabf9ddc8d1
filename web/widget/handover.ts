// The handover to a person: the conversation's events stream while staff are awaited or hold it, the banner, staff messages marked as a person's, and the lines for joined, handed back and ended.
import type { EscalatedAction } from '../../agents/chat/events.ts';
import type { Lang } from '../../agents/language/languages.ts';
import { h, renderBlocks } from './dom.ts';
import { parseMarkdown } from './markdown.ts';

export type Status = 'bot' | 'escalated' | 'staff' | 'resolved';
type Waiting = Partial<Pick<EscalatedAction, 'position' | 'open'>>;
type Params = Record<string, unknown>;

/** What the handover needs from the widget: its strings, its list and banner, the stream's URL and its reactions. */
export type HandoverHost = {
  bind: <E extends Element>(el: E, key: string, params?: () => Params) => E;
  text: (key: string, params?: Params) => string;
  list: HTMLOListElement;
  banner: HTMLElement;
  announce: (text: string) => void;
  scroll: () => void;
  /** The events URL of the current conversation, resuming after an id when one is known; null without one. */
  url: (after: number | null) => string | null;
  changed: () => void;
  restart: () => void;
};

export class Handover {
  status: Status = 'bot';
  #name = '';
  #wait: Waiting = {};
  #source: EventSource | null = null;
  #last: number | null = null;
  #retry = 2000;
  // Replaying from the first event (after a reload, or a first stream in this page), what is already on screen is
  // skipped: staff messages by id, notices by count (`#anchors` of them), and the joined line of a held conversation.
  #anchors = 0;
  #seen = 0;
  #target: Status | null = null;

  constructor(readonly host: HandoverHost) {}

  get active() {
    return this.status === 'escalated' || this.status === 'staff';
  }

  /** A status learnt from the chat, the button or the history; `null` when only the chat's staff mode tells. */
  follow(status: Status | null, wait: Waiting = {}) {
    this.#wait = wait;
    this.#set(status ?? 'escalated');
    if (status === 'resolved') this.#ended();
    if (!this.active || this.#source) return;
    this.#target = status;
    this.#open();
  }

  /** Back to the assistant with no conversation: forgotten, or a new one started. */
  reset() {
    this.stop();
    this.#last = null;
    this.#set('bot');
  }

  stop() {
    this.#source?.close();
    this.#source = null;
  }

  #open() {
    const url = this.host.url(this.#last);
    if (!url) return;
    const list = this.host.list;
    this.#seen = 0;
    this.#anchors = this.#last === null ? list.querySelectorAll('.staff, .system').length : 0;
    const source = (this.#source = new EventSource(url));
    for (const type of ['status', 'staff_joined', 'staff_message'])
      source.addEventListener(type, (event) => {
        const { data, lastEventId } = event as MessageEvent<string>;
        this.#last = Number(lastEventId) || this.#last;
        this.#retry = 2000;
        this.#on(type, JSON.parse(data));
      });
    // EventSource reconnects by itself (with Last-Event-ID) after a dropped stream; it gives up only on an HTTP error.
    source.onerror = () => {
      if (source.readyState !== EventSource.CLOSED || this.#source !== source) return;
      this.#source = null;
      setTimeout(() => this.active && !this.#source && this.#open(), (this.#retry = Math.min(this.#retry * 2, 60_000)));
    };
  }

  #on(type: string, data: Params) {
    const fresh = this.#seen >= this.#anchors;
    if (type === 'staff_joined') {
      this.#name = String(data.name);
      if (fresh && this.#target !== 'staff') this.#line('handover.joined', { name: this.#name });
      if (fresh) this.#target = null;
      this.#set('staff');
    } else if (type === 'staff_message') {
      const id = String(data.messageId);
      if (this.host.list.querySelector(`[data-id="${CSS.escape(id)}"]`)) this.#seen++;
      else this.staff(id, String(data.text), String(data.name), undefined, true);
    } else {
      const notice = typeof data.notice === 'string' ? data.notice : '';
      if (notice && !fresh) this.#seen++;
      const status = data.status as Status;
      this.#wait = { ...this.#wait, ...(typeof data.position === 'number' ? { position: data.position } : {}) };
      this.#set(status);
      if (!fresh || this.active) return;
      // Handed back or resolved: said once, with the server's notice, and the stream ends.
      if (status === 'bot') this.#line('handover.left', { name: this.#name || this.host.text('message.staff') }, notice);
      else this.#ended(notice);
      this.stop();
    }
  }

  #set(status: Status) {
    this.status = status;
    const { position, open } = this.#wait;
    // Waiting: the queue place, or outside office hours that staff answer when back (the notice above says when).
    const keys: [string, Params?][] = [];
    if (status === 'staff') keys.push(['handover.held', { name: this.#name || this.host.text('message.staff') }]);
    if (status === 'escalated') {
      keys.push(['handover.waiting']);
      if (open === false) keys.push(['handover.closed']);
      else if (position) keys.push(['handover.queue', { position }]);
    }
    this.host.banner.hidden = !keys.length;
    this.host.banner.replaceChildren(...keys.flatMap(([key, params], i) => [i ? ' ' : '', this.host.bind(h('span'), key, () => params ?? {})]));
    this.host.changed();
    this.host.scroll();
  }

  /** A line about the conversation itself (not a message), announced; a notice from the server follows it. */
  #line(key: string, params: Params = {}, notice = '', extra?: Node) {
    const p = this.host.bind(h('p'), key, () => params);
    this.host.list.append(h('li', { class: 'event' }, p));
    if (notice) this.notice(notice);
    if (extra) this.host.list.append(h('li', { class: 'event' }, extra));
    this.host.announce(`${p.textContent} ${notice}`);
    this.host.scroll();
  }

  #ended(notice = '') {
    const button = this.host.bind(h('button', { type: 'button' }), 'handover.new');
    button.addEventListener('click', () => this.host.restart());
    this.#line('handover.ended', {}, notice, button);
  }

  /**
   * Out of office hours the server may offer an answer by e-mail: the address and the consent (its text from the
   * server, unticked) in a small form; `send` posts them, and the form gives way to a confirmation.
   */
  offerEmail(consent: { version: string; text: string; label: string }, send: (email: string, version: string) => Promise<void>) {
    const email = h('input', { type: 'email', name: 'email', autocomplete: 'email', required: true });
    const agree = h('input', { type: 'checkbox', name: 'consent', required: true });
    const status = h('p', { role: 'status' });
    const form = h(
      'form',
      { class: 'notify' },
      h('label', {}, this.host.bind(h('span'), 'notify.label'), email),
      h('p', { class: 'consent' }, consent.text),
      h('label', { class: 'check' }, agree, ` ${consent.label}`),
      this.host.bind(h('button', { type: 'submit' }), 'notify.send'),
      status,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      send(email.value.trim(), consent.version).then(
        () => form.replaceWith(this.host.bind(h('p', {}), 'handover.sent')),
        (error: Error) => (status.textContent = error.message),
      );
    });
    this.host.list.append(h('li', { class: 'event' }, form));
    this.host.scroll();
  }

  /** The server's own words on a change (handed back, resolved): in the transcript, as neither party's message. */
  notice(text: string, lang?: Lang) {
    this.host.list.append(h('li', { class: 'system', lang }, h('p', {}, text)));
  }

  /** A staff member's message: their first name and a label that a person wrote it; no AI badge, sources or thumbs. */
  staff(id: string, text: string, name: string, lang?: Lang, live = false) {
    const who = h('p', { class: 'who' }, `${name || this.host.text('message.staff')} · `, this.host.bind(h('span'), 'message.staff'), ' ', this.host.bind(h('span', { class: 'badge person' }), 'handover.person'));
    const body = h('div', { class: 'body' }, ...renderBlocks(parseMarkdown(text), (n) => document.createTextNode(`[${n}]`)));
    this.host.list.append(h('li', { class: 'msg staff', lang, 'data-id': id }, who, body));
    this.host.scroll();
    if (live) this.host.announce(`${who.textContent}: ${text}`);
  }
}
