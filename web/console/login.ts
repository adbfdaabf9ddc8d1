// The sign-in form: e-mail and password, the server's localized refusal read out, nothing kept in the browser; below
// it, the legal pages in the console's language.
import type { TFunction } from 'i18next';
import type { Lang } from '../../agents/language/languages.ts';
import { LEGAL_KINDS } from '../../legal/kinds.ts';
import { h } from '../widget/dom.ts';

export function createLogin(t: TFunction, lang: Lang, submit: (email: string, password: string) => Promise<string | null>, notice?: string) {
  const email = h('input', { id: 'login-email', name: 'email', type: 'email', autocomplete: 'username', required: true, spellcheck: 'false' });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const error = h('p', { class: 'error', role: 'alert' }, notice ?? '');
  const button = h('button', { type: 'submit', class: 'primary' }, t('login.submit'));
  // novalidate: the browser's own bubbles would speak the browser's language, not the console's.
  const form = h(
    'form',
    { class: 'login-form', novalidate: true },
    h('p', { class: 'field' }, h('label', { for: 'login-email' }, t('login.email')), email),
    h('p', { class: 'field' }, h('label', { for: 'login-password' }, t('login.password')), password),
    error,
    button,
  );
  let busy = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    if (!email.value.trim() || !password.value) {
      error.textContent = t('login.missing');
      (email.value.trim() ? password : email).focus();
      return;
    }
    busy = true;
    form.setAttribute('aria-busy', 'true');
    error.textContent = '';
    const refused = await submit(email.value.trim(), password.value);
    busy = false;
    form.removeAttribute('aria-busy');
    if (refused !== null) {
      error.textContent = refused;
      password.value = '';
      password.focus();
    }
  });
  const main = h(
    'main',
    { id: 'main', class: 'login' },
    h(
      'div',
      { class: 'login-card' },
      h('p', { class: 'brand' }, h('span', { class: 'mark', 'aria-hidden': 'true' }, 'AI'), ' ', t('brand')),
      h('h1', {}, t('login.title')),
      h('p', { class: 'intro' }, t('login.intro')),
      form,
    ),
    h('nav', { class: 'legal', 'aria-label': t('legal:links.label') }, h('ul', {}, ...LEGAL_KINDS.map((kind) => h('li', {}, h('a', { href: `/${lang}/${kind}` }, t(`legal:links.${kind}`)))))),
  );
  return { main, focus: () => email.focus() };
}
