// The admin pages beside the inbox — Leads, Audit log, Staff accounts — with the navigation between them, shown to
// admins only, and the address that names one: #leads, #leads/<id>, #audit, #accounts; #inbox (or a conversation's
// id, which the inbox opens) is the inbox. The browser's back button moves between them.
import { h } from '../widget/dom.ts';
import { createAccountsView } from './accounts-view.ts';
import { createAdminApi } from './admin-api.ts';
import type { AdminContext } from './admin-context.ts';
import type { StaffApi } from './api.ts';
import { createAuditView } from './audit-view.ts';
import { createConfirmDialog } from './confirm-dialog.ts';
import { createLeadsView } from './leads-view.ts';

export const SECTIONS = ['inbox', 'leads', 'audit', 'accounts'] as const;
export type Section = (typeof SECTIONS)[number];
type Page = Exclude<Section, 'inbox'>;

export type AdminHandlers = {
  /** The inbox is shown again (the console focuses it). */
  inbox: () => void;
  /** A link named a conversation: the inbox opens it. */
  openConversation: (id: string) => void;
  /** The shown section changed (the frame hides the inbox's panes for the others). */
  section: (section: Section) => void;
};

/** The section and its route (`#leads/<id>` → leads, [id]); null for anything else, which is a conversation's id. */
export function parseHash(hash: string): { section: Section; route: string[] } | null {
  const [first = '', ...rest] = decodeURIComponent(hash.replace(/^#/, '')).split('/');
  if (first === '') return { section: 'inbox', route: [] };
  return (SECTIONS as readonly string[]).includes(first) ? { section: first as Section, route: rest.filter(Boolean) } : null;
}

export function createAdminSections(base: Omit<AdminContext, 'api' | 'ask'>, staffApi: StaffApi, handlers: AdminHandlers) {
  const { t } = base;
  const confirm = createConfirmDialog(t);
  const ctx: AdminContext = { ...base, api: createAdminApi(staffApi), ask: (request) => confirm.ask(request) };
  const pages: Record<Page, { section: HTMLElement; show: (route: string[], focus: boolean) => Promise<void> }> = {
    leads: createLeadsView(ctx),
    audit: createAuditView(ctx),
    accounts: createAccountsView(ctx),
  };
  const links = Object.fromEntries(SECTIONS.map((section) => [section, h('a', { href: `#${section}` }, t(`admin.nav_${section}`))])) as Record<Section, HTMLAnchorElement>;
  const nav = h('nav', { class: 'sections', 'aria-label': t('admin.nav') }, h('ul', {}, ...SECTIONS.map((section) => h('li', {}, links[section]))));
  let current: Section = 'inbox';

  function mark(section: Section) {
    current = section;
    for (const [name, link] of Object.entries(links)) {
      if (name === section) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    for (const [name, page] of Object.entries(pages)) page.section.hidden = name !== section;
    handlers.section(section);
  }

  /** Shows what `hash` names; false when it names a conversation (the caller opens it). */
  async function route(hash: string, focus: boolean): Promise<boolean> {
    const target = parseHash(hash);
    if (!target) return false;
    mark(target.section);
    if (target.section === 'inbox') handlers.inbox();
    else await pages[target.section].show(target.route, focus);
    return true;
  }

  const onHash = () => {
    void route(location.hash, true).then((handled) => {
      if (handled) return;
      mark('inbox');
      handlers.openConversation(decodeURIComponent(location.hash.slice(1)));
    });
  };
  window.addEventListener('hashchange', onHash);
  mark('inbox');

  return {
    nav,
    views: Object.values(pages).map((page) => page.section),
    dialog: confirm.dialog,
    current: () => current,
    route,
    stop: () => window.removeEventListener('hashchange', onHash),
  };
}
export type AdminSections = ReturnType<typeof createAdminSections>;
