// The console's side of the staff API: same-origin fetch with the session cookie, the CSRF token on every unsafe
// request, and the server's localized error as an ApiError. The shapes mirror functions/staff/*-routes.ts.
import type { Source } from '../../agents/answer/sources.ts';
import type { Lang } from '../../agents/language/languages.ts';
import { ApiError, failure } from '../widget/api.ts';

export { ApiError };

export type Role = 'reviewer' | 'admin';
export type Status = 'bot' | 'escalated' | 'staff' | 'resolved';
/** GET /api/staff/me; `id` is read when the server sends it (who holds a conversation is then told by id, not name). */
export type Me = { id?: string; name: string; role: Role; lang: Lang; csrfToken?: string };
export type Assignee = { id: string; name: string | null } | null;
export type QueueItem = { id: string; status: Status; lang: Lang; assistant: string; waitingSince: string | null; escalatedAt: string | null; updatedAt: string | null; lastMessage: string | null; assignee: Assignee };
export type Message = {
  id: string;
  role: 'user' | 'assistant' | 'staff' | 'system';
  content: string;
  author: string | null;
  lang: Lang;
  state: string;
  sources: Source[];
  answered: boolean | null;
  mode: string | null;
  model: string | null;
  timings: Record<string, number> | null;
  createdAt: string;
};
export type Detail = {
  conversation: { id: string; status: Status; lang: Lang; assistant: string; createdAt: string; escalatedAt: string | null; waitingSince: string | null; resolvedAt: string | null; resolutionNote: string | null; assignee: Assignee };
  messages: Message[];
};
export type Filter = { status: string; lang: string; assistant: string };

/** The paths the console reads; EventSource needs the events path as a plain URL. */
export const EVENTS_PATH = '/api/staff/events';
const conversationPath = (id: string, action = '') => `/api/staff/conversations/${encodeURIComponent(id)}${action}`;

/** `lang` is asked on each call: before a session exists, errors come back in the console's language. */
export function createStaffApi(lang: () => Lang) {
  let csrfToken = '';
  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', 'accept-language': lang() };
    if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(path, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    if (!response.ok) throw await failure(response);
    return response.json() as Promise<T>;
  }
  const remember = <T extends { csrfToken?: string }>(answer: T): T => {
    if (answer.csrfToken) csrfToken = answer.csrfToken;
    return answer;
  };
  return {
    login: async (email: string, password: string) => remember(await call<{ name: string; role: Role; csrfToken: string }>('POST', '/api/staff/login', { email, password })),
    me: async () => remember(await call<Me>('GET', '/api/staff/me')),
    logout: async () => {
      await call('POST', '/api/staff/logout');
      csrfToken = '';
    },
    queue: async (filter: Filter) => {
      const query = new URLSearchParams(Object.entries(filter).filter(([, value]) => value !== ''));
      return (await call<{ conversations: QueueItem[] }>('GET', `/api/staff/conversations?${query}`)).conversations;
    },
    conversation: (id: string) => call<Detail>('GET', conversationPath(id)),
    claim: (id: string) => call('POST', conversationPath(id, '/claim')),
    reply: (id: string, text: string) => call<{ messageId: string }>('POST', conversationPath(id, '/messages'), { text }),
    release: (id: string) => call('POST', conversationPath(id, '/release')),
    resolve: (id: string, note: string) => call('POST', conversationPath(id, '/resolve'), note ? { note } : {}),
    /** Any other staff route, with the same cookie, CSRF token and errors (the admin pages' calls: admin-api.ts). */
    request: call,
  };
}
export type StaffApi = ReturnType<typeof createStaffApi>;
