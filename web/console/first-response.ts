// The first-response timer: how long a visitor who asked for a person has waited for a first staff reply — in the
// inbox for each waiting or claimed-but-unanswered conversation, counting every second, and in the conversation's head.
import type { TFunction } from 'i18next';
import { h } from '../widget/dom.ts';
import type { Detail, QueueItem } from './api.ts';

/** A wait as a clock: m:ss, or h:mm:ss past an hour (never negative: the browser's clock may run a little ahead). */
export function waitClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const [hours, minutes, seconds] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return hours ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}

/** A wait is late from this long on: the timer is then drawn as a warning (the words say it as well). */
const LATE_MS = 10 * 60_000;

/** The inbox line of a conversation still waiting for a first staff reply; null once staff answered or for others. */
export function queueTimer(t: TFunction, item: QueueItem, now: number): HTMLElement | null {
  const waiting = (item.status === 'escalated' || item.status === 'staff') && item.escalatedAt && !item.firstStaffReplyAt;
  return waiting ? timer(t, 'timer.waiting', item.escalatedAt!, now) : null;
}

/** The conversation head's line: the wait so far, or how long the first reply took after the last escalation. */
export function detailTimer(t: TFunction, detail: Detail, now: number): HTMLElement | null {
  const last = detail.firstResponses?.at(-1);
  if (!last) return null;
  if (last.waitedMs !== null) return h('span', { class: 'first-reply' }, t('timer.first_reply', { time: waitClock(last.waitedMs) }));
  const open = detail.conversation.status === 'escalated' || detail.conversation.status === 'staff';
  return open ? timer(t, 'timer.unanswered', last.escalatedAt, now) : null;
}

function timer(t: TFunction, key: string, since: string, now: number): HTMLElement {
  const waited = now - Date.parse(since);
  return h('span', { class: `timer${waited >= LATE_MS ? ' late' : ''}`, 'data-since': since, 'data-key': key }, t(key, { time: waitClock(waited) }));
}

/** Moves every timer under `root` on to `now`, without redrawing anything else (the focus stays where it is). */
export function tickTimers(t: TFunction, root: ParentNode, now: number): void {
  for (const el of root.querySelectorAll<HTMLElement>('.timer[data-since]')) {
    const waited = now - Date.parse(el.dataset.since!);
    el.textContent = t(el.dataset.key!, { time: waitClock(waited) });
    el.classList.toggle('late', waited >= LATE_MS);
  }
}
