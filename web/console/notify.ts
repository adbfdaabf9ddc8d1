// Desktop notifications for new escalations, opt-in: the browser is asked for permission only when the staff member
// turns them on, and the choice is remembered in this browser (localStorage) for the next sign-in.
import type { TFunction } from 'i18next';
import { h } from '../widget/dom.ts';

const KEY = 'aif-console:notifications';

const supported = () => typeof Notification === 'function';
const wanted = () => {
  try {
    return localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
};
const remember = (on: boolean) => {
  try {
    localStorage.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // Storage refused (private mode): the choice holds until the page closes.
  }
};

export type NotifyToggle = ReturnType<typeof createNotifyToggle>;

/** `say` reads a sentence out through the console's status region; `open` shows a conversation (a click on a notification). */
export function createNotifyToggle(t: TFunction, say: (text: string) => void, open: (conversationId: string) => void) {
  let on = wanted() && supported() && Notification.permission === 'granted';
  const button = h('button', { type: 'button', class: 'secondary notify-toggle', 'aria-pressed': String(on) }, t('notify.toggle'));
  const set = (value: boolean) => {
    on = value;
    remember(value);
    button.setAttribute('aria-pressed', String(value));
    say(t(value ? 'notify.on' : 'notify.off'));
  };
  button.addEventListener('click', async () => {
    if (on) return set(false);
    if (!supported()) return say(t('notify.unsupported'));
    const permission = Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission;
    if (permission === 'granted') set(true);
    else say(t('notify.blocked'));
  });
  return {
    button,
    /** A new conversation waits: a notification, when they are on and the browser still allows them. */
    escalated(conversationId: string, position?: number) {
      if (!on || !supported() || Notification.permission !== 'granted') return;
      const body = typeof position === 'number' ? t('notify.body', { position }) : t('notify.body_plain');
      const notification = new Notification(t('notify.title'), { body, tag: `escalated-${conversationId}`, lang: document.documentElement.lang });
      notification.addEventListener('click', () => {
        window.focus();
        open(conversationId);
        notification.close();
      });
    },
  };
}
