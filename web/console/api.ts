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
/** `present`: whether the holder is at work (in a conversation's detail only). */
export type Assignee = { id: string; name: string | null; present?: boolean } | null;
export type QueueItem = {
  id: string;
  status: Status;
  lang: Lang;
  assistant: string;
  waitingSince: string | null;
  escalatedAt: string | null;
  /** When staff first answered since the last escalation; null while the visitor still waits for a first reply. */
  firstStaffReplyAt?: string | null;
  updatedAt: string | null;
  lastMessage: string | null;
  assignee: Assignee;
};
export type Message = {
  id: string;
  /** `note`: a private staff note, in the staff transcript only (functions/staff/inbox-routes.ts). */
  role: 'user' | 'assistant' | 'staff' | 'system' | 'note';
  content: string;
  author: string | null;
  lang: Lang | null;
  state: string;
  sources: Source[];
  answered: boolean | null;
  /** The approved answer given word for word, if this answer was one. */
  approvedAnswerId: string | null;
  mode: string | null;
  model: string | null;
  timings: Record<string, number> | null;
  createdAt: string;
};
export type Detail = {
  conversation: { id: string; status: Status; lang: Lang; assistant: string; createdAt: string; escalatedAt: string | null; waitingSince: string | null; resolvedAt: string | null; resolutionNote: string | null; assignee: Assignee };
  messages: Message[];
  /** Each escalation and how long the visitor waited for a first staff reply. */
  firstResponses?: { escalatedAt: string; repliedAt: string | null; waitedMs: number | null }[];
};
export type Filter = { status: string; lang: string; assistant: string };
/** GET /api/staff/gaps: one group of similar questions the knowledge did not answer well. */
export type GapGroup = { lang: Lang; count: number; kinds: Record<GapKind, number>; examples: string[]; lastAskedAt: string; approvedAnswerId: string | null };
export type GapKind = 'unanswered' | 'thumbs_down' | 'escalated';
/** GET /api/staff/documents: a document an approved answer may cite. */
export type KnowledgeDocument = { docId: string; title: string; lang: Lang; url: string | null };
/** GET /api/staff/approved-answers (admins). */
export type ApprovedAnswer = { id: string; lang: Lang; question: string; answer: string; docIds: string[]; createdAt: string; retiredAt: string | null; author: string; uses: number };
/** POST /api/staff/approved-answers. */
export type ApprovedInput = { lang: Lang; question: string; answer: string; docIds: string[] };

/** The paths the console reads; EventSource needs the events path as a plain URL. */
export const EVENTS_PATH = '/api/staff/events';
const conversationPath = (id: string, action = '') => `/api/staff/conversations/${encodeURIComponent(id)}${action}`;

/** `lang` is asked on each call: before a session exists, errors come back in the console's language. */
export function createStaffApi(lang: () => Lang) {
  let csrfToken = '';
  async function call<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', 'accept-language': lang() };
    if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(path, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    if (!response.ok) throw await failure(response);
    return (response.status === 204 ? undefined : response.json()) as Promise<T>;
  }
  const remember = <T extends { csrfToken?: string }>(answer: T): T => {
    if (answer.csrfToken) csrfToken = answer.csrfToken;
    return answer;
  };
  return {
    /** Any staff route, with the same cookie, CSRF token and errors, for the views that keep their own calls
     * (web/console/inbox-api.ts, admin-api.ts). */
    request: call,
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
    gaps: async (lang: string) => (await call<{ groups: GapGroup[] }>('GET', `/api/staff/gaps${lang ? `?lang=${lang}` : ''}`)).groups,
    documents: async (lang: Lang) => (await call<{ documents: KnowledgeDocument[] }>('GET', `/api/staff/documents?lang=${lang}`)).documents,
    approvedAnswers: async (filter: { lang: string; retired: boolean }) => {
      const query = new URLSearchParams({ ...(filter.lang ? { lang: filter.lang } : {}), ...(filter.retired ? { retired: 'true' } : {}) });
      return (await call<{ answers: ApprovedAnswer[] }>('GET', `/api/staff/approved-answers?${query}`)).answers;
    },
    approve: (input: ApprovedInput) => call<{ id: string }>('POST', '/api/staff/approved-answers', input),
    retire: (id: string) => call('POST', `/api/staff/approved-answers/${encodeURIComponent(id)}/retire`),
  };
}
export type StaffApi = ReturnType<typeof createStaffApi>;
