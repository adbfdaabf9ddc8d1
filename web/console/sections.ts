// The console's sections beside the inbox (the knowledge gaps, the metrics; for admins the approved answers and the
// saved replies): links in the header, each to a hash (#metrics), so a section can be bookmarked and the browser's
// back button works.
import type { TFunction } from 'i18next';
import { h } from '../widget/dom.ts';

export type SectionView = { section: HTMLElement; heading: HTMLElement; load: () => Promise<void> };
const SECTION_NAMES = ['gaps', 'approved', 'metrics', 'canned-replies'] as const;
export type SectionName = (typeof SECTION_NAMES)[number];
/** The single keys that open the inbox and some sections (listed in the shortcuts dialog). */
const KEYS: Partial<Record<SectionName | 'inbox', string>> = { inbox: 'i', gaps: 'g', approved: 'a' };

/** Whether a hash's text names a section at all, whether or not this staff member has it. */
export const isSectionName = (text: string): text is SectionName => (SECTION_NAMES as readonly string[]).includes(text);

/** The section a hash names, if it is one of `available`; anything else (a conversation id, #inbox) is not. */
export const sectionOf = (hash: string, available: readonly SectionName[]): SectionName | null => available.find((name) => hash === `#${name}`) ?? null;

export function createNav(t: TFunction, available: readonly SectionName[]) {
  const label: Record<SectionName | 'inbox', string> = {
    inbox: t('nav.inbox'),
    gaps: t('nav.gaps'),
    approved: t('nav.approved'),
    metrics: t('nav.metrics'),
    'canned-replies': t('nav.canned'),
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
