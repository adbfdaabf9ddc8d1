// The staff event stream (GET /api/staff/events) through EventSource, with the cookie, same origin: new escalations,
// claims, replies and visitor messages as they are written, so the console needs no reload and no polling of its own.
import type { STAFF_EVENT_TYPES } from '../../functions/staff/conversation-routes.ts';
import { EVENTS_PATH } from './api.ts';

// A copy typed as the server's list, so a new event type there fails to compile here until the console hears it.
const EVENT_TYPES: typeof STAFF_EVENT_TYPES = ['status', 'staff_joined', 'staff_message', 'staff_left', 'visitor_message', 'staff_note'];
const RECHECK_MS = 2_000;

/** `moved`: a waiting visitor's new place after one ahead left the queue, not a new escalation. */
export type StaffEvent = { type: (typeof STAFF_EVENT_TYPES)[number]; conversationId?: string; status?: string; position?: number; moved?: boolean };

export type LiveHandlers = {
  event: (event: StaffEvent) => void;
  /** The stream opened (true: anything written before it is not replayed, so read the queue again) or dropped. */
  live: (on: boolean) => void;
  /** The server refused the stream; whether to open it again now, a little later, or never (the session ended). */
  refused: () => Promise<'again' | 'later' | 'stop'>;
};

/** Follows the stream until the returned function is called. */
export function followStaffEvents(handlers: LiveHandlers): () => void {
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const open = () => {
    if (stopped) return;
    const current = (source = new EventSource(EVENTS_PATH));
    for (const type of EVENT_TYPES) {
      current.addEventListener(type, (event) => handlers.event({ ...(JSON.parse((event as MessageEvent<string>).data) as object), type }));
    }
    current.addEventListener('open', () => handlers.live(true));
    current.addEventListener('error', () => {
      handlers.live(false);
      // EventSource reconnects by itself (with Last-Event-ID) after a dropped stream; it gives up only on an HTTP error.
      if (current.readyState === EventSource.CLOSED) timer = setTimeout(recheck, RECHECK_MS);
    });
  };
  const recheck = async () => {
    if (stopped) return;
    const next = await handlers.refused();
    if (stopped || next === 'stop') return;
    if (next === 'again') open();
    else timer = setTimeout(recheck, RECHECK_MS * 5);
  };
  open();
  return () => {
    stopped = true;
    source?.close();
    clearTimeout(timer);
  };
}
