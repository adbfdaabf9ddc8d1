// The access code of the teachers' assistant (EDU_ACCESS=codes): asked for only when the server answers 401
// `access_code_required`, kept in sessionStorage for this tab, and sent with every question after that.
import { h } from './dom.ts';
import { store } from './store.ts';

export type AccessHost = { bind: <E extends Element>(el: E, key: string) => E; announce: (text: string) => void };

export class AccessCode {
  readonly form: HTMLFormElement;
  #code = store.accessCode();
  #input: HTMLInputElement;
  #intro: HTMLElement;
  #wrong: HTMLElement;
  #resend: (() => void) | null = null;

  constructor(readonly host: AccessHost) {
    const { bind } = host;
    this.#intro = bind(h('p', { id: 'access-intro' }), 'access.intro');
    this.#wrong = bind(h('p', { id: 'access-wrong', class: 'field-error', hidden: true }), 'access.wrong');
    this.#input = h('input', { id: 'access-code', type: 'text', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', maxlength: 40, 'aria-describedby': 'access-intro access-wrong' });
    const label = bind(h('label', { for: 'access-code' }), 'access.label');
    const row = h('div', { class: 'access-row' }, this.#input, bind(h('button', { type: 'submit' }), 'access.submit'));
    this.form = h('form', { class: 'access', hidden: true, 'aria-labelledby': 'access-label' }, this.#intro, this.#wrong, Object.assign(label, { id: 'access-label' }), row);
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      const code = this.#input.value.trim();
      if (!code) return this.#input.focus();
      this.#set(code);
      this.#input.value = '';
      this.form.hidden = true;
      const resend = this.#resend;
      this.#resend = null;
      resend?.();
    });
  }

  /** The code to send, if the teacher gave one in this tab. */
  get code(): string | undefined {
    return this.#code ?? undefined;
  }

  /** The server wants a (valid) code: ask for it, then `resend` the question. A code that was sent is forgotten. */
  ask(resend: () => void) {
    const wrong = this.#code !== null;
    this.#set(null);
    this.#resend = resend;
    this.#wrong.hidden = !wrong;
    this.#input.setAttribute('aria-invalid', String(wrong));
    this.form.hidden = false;
    this.#input.focus();
    this.host.announce(`${this.#intro.textContent} ${wrong ? this.#wrong.textContent : ''}`);
  }

  #set(code: string | null) {
    this.#code = code;
    store.setAccessCode(code);
  }
}
