// Pure formatting for the console: whole minutes waited, clock times in the console's language, who holds what.
import type { Lang } from '../../agents/language/languages.ts';
import type { Assignee, Me, Status } from './api.ts';

/** Whole minutes since `since` (never negative: a clock a little ahead of the server's must not show "-1 min"). */
export const minutesSince = (since: string, now: number): number => Math.max(0, Math.floor((now - Date.parse(since)) / 60_000));

/** Hours and minutes on the 24-hour clock used in Luxembourg, with the date when it is not today. */
export function clockTime(iso: string, lang: Lang, now: number): string {
  const at = new Date(iso);
  const sameDay = at.toDateString() === new Date(now).toDateString();
  return new Intl.DateTimeFormat(lang, { ...(sameDay ? {} : { day: 'numeric', month: 'short' }), hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

/**
 * Whether the signed-in staff member holds it. By id when /api/staff/me gives one; otherwise by name, and the server
 * still refuses a reply from anyone else (the console then shows its localized error).
 */
export const heldByMe = (assignee: Assignee, me: Me): boolean => !!assignee && (me.id ? assignee.id === me.id : assignee.name === me.name);

export type Moves = { claim: boolean; reply: boolean; release: boolean; resolve: boolean };

/** What the staff member may do, mirroring agents/staff/handover.ts so the console never offers a refused move. */
export function movesFor(status: Status, mine: boolean, holderAway = false): Moves {
  return {
    // A colleague who is no longer at work leaves the conversation to be taken over.
    claim: status === 'escalated' || status === 'bot' || (status === 'staff' && !mine && holderAway),
    reply: status === 'staff' && mine,
    release: status === 'staff' && mine,
    resolve: (status === 'staff' && mine) || status === 'escalated' || status === 'bot',
  };
}
