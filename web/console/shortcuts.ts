// Keyboard shortcuts for the frequent moves, listed in a dialog the page opens with `?` or its button. They never
// fire while the staff member types in a field, holds a modifier, or has a dialog open.
import type { TFunction } from 'i18next';
import { h } from '../widget/dom.ts';
import { keys } from './parts.ts';

export const SHORTCUTS = [
  ['j', 'next'],
  ['k', 'previous'],
  ['c', 'claim'],
  ['r', 'reply'],
  ['Ctrl+Enter', 'send'],
  ['h', 'release'],
  ['e', 'resolve'],
  ['n', 'note'],
  ['t', 'transfer'],
  ['s', 'canned'],
  ['i', 'inbox'],
  ['g', 'gaps'],
  ['a', 'approved'],
  ['Escape', 'leave'],
  ['?', 'help'],
] as const;
export type ShortcutAction = (typeof SHORTCUTS)[number][1];
/** The moves a single key starts from anywhere outside a field (Ctrl+Enter and Escape belong to the fields). */
type PageAction = Exclude<ShortcutAction, 'send' | 'leave'>;

const isField = (el: EventTarget | null): boolean => el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

/** Listens on the document; returns the function that stops listening (the console is rebuilt at each sign-in). */
export function listenForShortcuts(run: Record<PageAction, () => void>): () => void {
  const byKey = new Map<string, PageAction>(SHORTCUTS.filter(([key]) => key.length === 1).map(([key, action]) => [key, action as PageAction]));
  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing || event.repeat) return;
    if (isField(event.target) || document.querySelector('dialog[open]')) return;
    // `?` needs Shift on most layouts; letters with Shift are left alone.
    if (event.shiftKey && event.key !== '?') return;
    const action = byKey.get(event.key);
    if (!action) return;
    event.preventDefault();
    run[action]();
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}

/** The list of shortcuts, in a modal dialog (Escape or the close button returns focus where it was). */
export function createShortcutsDialog(t: TFunction) {
  const close = h('button', { type: 'button', class: 'secondary' }, t('shortcuts.close'));
  const dialog = h(
    'dialog',
    { class: 'shortcuts', 'aria-labelledby': 'shortcuts-title' },
    h('h2', { id: 'shortcuts-title' }, t('shortcuts.title')),
    h('p', {}, t('shortcuts.intro')),
    h('dl', {}, ...SHORTCUTS.map(([key, action]) => h('div', {}, h('dt', {}, keys(key === 'Escape' ? t('keys.escape') : key === 'Ctrl+Enter' ? t('keys.send') : key)), h('dd', {}, t(`shortcuts.${action}`))))),
    h('div', { class: 'buttons' }, close),
  );
  close.addEventListener('click', () => dialog.close());
  return { dialog, open: () => dialog.showModal() };
}
