// The console's sections beside the inbox (the knowledge gaps, the metrics; for admins the approved answers, the saved
// replies, the leads, the audit log and the staff accounts): links in the header, each to a hash (#metrics, and
// #leads/<id> for one lead), so a section can be bookmarked and the browser's back button works.
import type { TFunction } from 'i18next';
import { h } from '../widget/dom.ts';

/** A section's pane, and how it is shown: `route` is what follows its name in the hash (#leads/<id> → [id]). */
export type SectionView = { section: HTMLElement; show: (route: string[], focus: boolean) => Promise<void> };
/** A section read again each time it is shown, its heading focused first. */
export type PlainSection = { section: HTMLElement; heading: HTMLElement; load: () => Promise<void> };

const SECTION_NAMES = ['gaps', 'approved', 'metrics', 'canned-replies', 'leads', 'audit', 'accounts'] as const;
export type SectionName = (typeof SECTION_NAMES)[number];
/** The single keys that open the inbox and some sections (listed in the shortcuts dialog). */
const KEYS: Partial<Record<SectionName | 'inbox', string>> = { inbox: 'i', gaps: 'g', approved: 'a' };

/** A hash as text (#leads/abc → leads/abc); a malformed escape (#%E0) is left as it was rather than thrown. */
export function hashText(hash: string): string {
  const raw = hash.replace(/^#/, '');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

const parts = (hash: string): string[] => hashText(hash).split('/');

/** Whether a hash names a section at all, whether or not this staff member has it. */
export const namesSection = (hash: string): boolean => (SECTION_NAMES as readonly string[]).includes(parts(hash)[0]!);

/** The section a hash names, if it is one of `available`; anything else (a conversation id, #inbox) is not. */
export const sectionOf = (hash: string, available: readonly SectionName[]): SectionName | null => available.find((name) => parts(hash)[0] === name) ?? null;

/** What follows a section's name in the hash: #leads/<id> → [id]. */
export const routeOf = (hash: string): string[] => parts(hash).slice(1).filter(Boolean);

export const plainSection = ({ section, heading, load }: PlainSection): SectionView => ({
  section,
  async show(_route, focus) {
    if (focus) heading.focus();
    await load();
  },
});

export function createNav(t: TFunction, available: readonly SectionName[]) {
  const label: Record<SectionName | 'inbox', string> = {
    inbox: t('nav.inbox'),
    gaps: t('nav.gaps'),
    approved: t('nav.approved'),
    metrics: t('nav.metrics'),
    'canned-replies': t('nav.canned'),
    leads: t('nav.leads'),
    audit: t('nav.audit'),
    accounts: t('nav.accounts'),
  };
  const links = (['inbox', ...available] as const).map((name) => h('a', { href: `#${name}`, 'data-section': name, 'aria-keyshortcuts': KEYS[name] }, label[name]));
  const nav = h('nav', { class: 'sections', 'aria-label': t('nav.label') }, h('ul', {}, ...links.map((a) => h('li', {}, a))));
  return {
    nav,
    /** Marks the link of what is shown (null: the inbox and its conversation). */
    mark(current: SectionName | null) {
      for (const a of links) {
        if (a.dataset.section === (current ?? 'inbox')) a.setAttribute('aria-current', 'page');
        else a.removeAttribute('aria-current');
      }
    },
  };
}
