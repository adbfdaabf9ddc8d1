// The Staff accounts page (admins): every account with its role, language and state, and per account a new role, a
// new password or (de)activation behind a confirmation; a form creates one with an initial password. An admin's own
// row offers no deactivation or role change (the server refuses them too).
import type { Lang } from '../../agents/language/languages.ts';
import { h } from '../widget/dom.ts';
import type { Account } from './admin-api.ts';
import type { AdminContext } from './admin-context.ts';
import { cell, dateTime, field, scrolling, select, table } from './admin-parts.ts';
import type { Role } from './api.ts';
import { LANGS } from './i18n.ts';

export function createAccountsView(ctx: AdminContext) {
  const { t, lang, api, me } = ctx;
  const heading = h('h2', { id: 'accounts-title', tabindex: -1 }, t('accounts.title'));
  const count = h('p', { class: 'count' });
  const error = h('p', { class: 'error', role: 'alert' });
  const { table: list, body } = table(t('accounts.table'), [t('accounts.name'), t('accounts.email'), t('accounts.role'), t('accounts.lang'), t('accounts.state'), t('accounts.created_at'), t('accounts.actions')]);

  // The create form.
  const email = h('input', { id: 'account-email', name: 'email', type: 'email', autocomplete: 'off', spellcheck: 'false' });
  const name = h('input', { id: 'account-name', name: 'name', type: 'text', autocomplete: 'off', maxlength: 120 });
  const role = select('account-role', [['reviewer', t('header.role_reviewer')], ['admin', t('header.role_admin')]], 'reviewer');
  const accountLang = select('account-lang', LANGS.map((l): [string, string] => [l, t(`lang.${l}`)]), lang);
  const password = h('input', { id: 'account-password', name: 'password', type: 'password', autocomplete: 'new-password' });
  const createError = h('p', { class: 'error', role: 'alert' });
  const createTitle = h('h3', { id: 'account-create-title' }, t('accounts.create_title'));
  const form = h(
    'form',
    { class: 'account-form', 'aria-labelledby': 'account-create-title', novalidate: true },
    createTitle,
    h(
      'div',
      { class: 'admin-filters' },
      field('account-email', t('accounts.email'), email),
      field('account-name', t('accounts.name'), name),
      field('account-role', t('accounts.role'), role),
      field('account-lang', t('accounts.lang'), accountLang),
      field('account-password', t('accounts.password'), password, t('accounts.password_hint')),
    ),
    createError,
    h('p', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, t('accounts.create'))),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void create();
  });

  const section = h('section', { class: 'admin-view accounts-view', 'aria-labelledby': 'accounts-title', hidden: true }, h('div', { class: 'pane-head' }, heading, count), error, scrolling(t('accounts.table'), list), form);

  const actionButton = (label: string, who: string, className: string, act: () => void) => {
    // The visible word, then whose account, for a screen reader moving from button to button.
    const button = h('button', { type: 'button', class: className }, label, h('span', { class: 'sr-only' }, ` ${who}`));
    button.addEventListener('click', act);
    return button;
  };

  function row(account: Account) {
    const own = account.id === me.id;
    const other: Role = account.role === 'admin' ? 'reviewer' : 'admin';
    const actions = [
      actionButton(t('accounts.new_password'), account.name, 'secondary', () => void newPassword(account)),
      own ? null : actionButton(t(`accounts.make_${other}`), account.name, 'secondary', () => void changeRole(account, other)),
      own ? null : account.active ? actionButton(t('accounts.deactivate'), account.name, 'secondary danger', () => void deactivate(account)) : actionButton(t('accounts.reactivate'), account.name, 'secondary', () => void reactivate(account)),
    ];
    return h(
      'tr',
      { 'data-id': account.id },
      cell(account.name, own ? h('span', { class: 'tag' }, t('accounts.you')) : null),
      cell(account.email),
      cell(t(`header.role_${account.role}`)),
      cell(t(`lang.${account.lang}`)),
      cell(h('span', { class: `badge ${account.active ? 'account-active' : 'account-inactive'}` }, t(account.active ? 'accounts.active' : 'accounts.inactive'))),
      cell(dateTime(account.createdAt, lang)),
      cell(h('div', { class: 'row-actions' }, ...actions)),
    );
  }

  async function load() {
    await ctx.guard(async () => {
      const accounts = await api.accounts();
      body.replaceChildren(...accounts.map(row));
      count.textContent = t('accounts.count', { count: accounts.length });
    }, (message) => (error.textContent = message));
  }

  /** Runs a change, redraws, says what happened; the focus returns to the account's row (its first button). */
  async function act(account: Account, run: () => Promise<unknown>, done: string) {
    error.textContent = '';
    const ok = await ctx.guard(run, (message) => (error.textContent = message));
    await load();
    if (ok) ctx.announce(done);
    (body.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(account.id)}"] button`) ?? heading).focus();
  }

  const backTo = (account: Account) => (body.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(account.id)}"] button`) ?? heading).focus();

  async function newPassword(account: Account) {
    const typed = await ctx.ask({ title: t('accounts.password_title', { name: account.name }), text: t('accounts.password_text'), confirm: t('accounts.password_confirm'), input: { kind: 'password', label: t('accounts.new_password_label') } });
    if (typed === null) return backTo(account);
    await act(account, () => api.setPassword(account.id, typed), t('accounts.password_set', { name: account.name }));
  }

  async function changeRole(account: Account, to: Role) {
    const go = await ctx.ask({ title: t(`accounts.make_${to}_title`, { name: account.name }), text: t(`accounts.make_${to}_text`), confirm: t(`accounts.make_${to}`) });
    if (go === null) return backTo(account);
    await act(account, () => api.setRole(account.id, to), t('accounts.role_set', { name: account.name, role: t(`header.role_${to}`) }));
  }

  async function deactivate(account: Account) {
    const go = await ctx.ask({ title: t('accounts.deactivate_title', { name: account.name }), text: t('accounts.deactivate_text'), confirm: t('accounts.deactivate') });
    if (go === null) return backTo(account);
    await act(account, () => api.deactivate(account.id), t('accounts.deactivated', { name: account.name }));
  }

  async function reactivate(account: Account) {
    const go = await ctx.ask({ title: t('accounts.reactivate_title', { name: account.name }), text: t('accounts.reactivate_text'), confirm: t('accounts.reactivate') });
    if (go === null) return backTo(account);
    await act(account, () => api.reactivate(account.id), t('accounts.reactivated', { name: account.name }));
  }

  async function create() {
    createError.textContent = '';
    let created = false;
    await ctx.guard(async () => {
      await api.createAccount({ email: email.value.trim(), name: name.value.trim(), role: role.value as Role, lang: accountLang.value as Lang, password: password.value });
      created = true;
    }, (message) => (createError.textContent = message));
    password.value = '';
    // A refusal is read out from the alert; the focus stays where the admin was.
    if (!created) return;
    const who = name.value.trim();
    form.reset();
    accountLang.value = lang;
    await load();
    ctx.announce(t('accounts.created', { name: who }));
    email.focus();
  }

  return {
    section,
    async show(_route: string[], focus: boolean) {
      error.textContent = '';
      if (focus) heading.focus();
      await load();
    },
  };
}
