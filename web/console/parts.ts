// Small pieces the console's views share: status badges, language tags, buttons that show their shortcut key.
import type { TFunction } from 'i18next';
import type { Lang } from '../../agents/language/languages.ts';
import { h } from '../widget/dom.ts';
import type { Status } from './api.ts';

export const badge = (t: TFunction, status: Status) => h('span', { class: `badge status-${status}` }, t(`status.${status}`));

/** The conversation's language as a short code, its name spelled out for assistive technology and on hover. */
export const langTag = (t: TFunction, lang: Lang) => h('abbr', { class: 'tag', title: t(`lang.${lang}`) }, lang.toUpperCase());

/** A key as it is pressed: `Ctrl+Enter` becomes two <kbd>s joined by a plus. */
export const keys = (combo: string) => {
  const parts = combo.split('+');
  return h('span', { class: 'keys' }, ...parts.flatMap((part, i) => (i === 0 ? [h('kbd', {}, part)] : ['+', h('kbd', {}, part)])));
};

/** A button labelled by its text, with its shortcut shown and announced (aria-keyshortcuts). */
export function actionButton(label: string, shortcut: string, className: string, onClick: () => void): HTMLButtonElement {
  const button = h('button', { type: 'button', class: className, 'aria-keyshortcuts': shortcut }, h('span', {}, label), keys(shortcut.toUpperCase()));
  button.addEventListener('click', onClick);
  return button;
}

/** Ctrl+Enter (Cmd+Enter) in a text field sends its form, as in the reply box: Enter alone starts a new line. */
export function submitOnCtrlEnter(field: HTMLElement, form: HTMLFormElement): void {
  field.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
}
