// The widget's side of the HTTP contract: POST /api/chat read as SSE over fetch, history, feedback, leads, escalation, the events URL and deletion.
// The server's types come in as types only: esbuild erases them, so no server code (nor zod) reaches the bundle.
import type { z } from 'zod';
import type { Source } from '../../agents/answer/sources.ts';
import type { EscalatedAction, TurnEvent } from '../../agents/chat/events.ts';
import type { Lang } from '../../agents/language/languages.ts';
import type { LeadSchema } from '../../functions/leads/schema.ts';

export type Stored = { id: string; token: string };
/** One message of GET /api/conversations/:id/messages: built by `publicMessage` in functions/conversations/routes.ts,
 * which exports no type for it (createdAt left out: the widget does not show it). */
export type HistoryMessage = { id: string; role: string; content: string; author?: string; lang: Lang; state: string; sources: Source[]; answered: boolean | null; approved?: boolean };
/** The answer of POST /api/conversations/:id/escalate (functions/conversations/routes.ts): the action's facts and the notice. */
export type Escalation = Omit<EscalatedAction, 'type'> & { notice: string };
/** The body of POST /api/leads as sent: the schema's input shape (JSON, before the server's trims and transforms). */
export type LeadBody = z.input<typeof LeadSchema>;
/** The 201 answer of POST /api/leads: built in functions/leads/routes.ts, which exports no type for it. */
export type LeadResult = { leadId: string; score: number; qualified: boolean; withdrawUrl: string };

/** An HTTP answer that was not a success: its status and the server's localized message. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The ApiError of a failed response: the server's localized `{error:{code,message}}` when it sent one. */
export async function failure(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  return new ApiError(response.status, body?.error?.code ?? 'http_error', body?.error?.message ?? response.statusText);
}

/** Splits a text/event-stream body into events as bytes arrive. */
export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<{ event: string; data: string }> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = 'message';
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) event = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        }
        if (data.length) yield { event, data: data.join('\n') };
      }
    }
  } finally {
    reader.releaseLock();
  }
}

export function createApi(base: string) {
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  /** POST JSON with the bearer token when there is one; the parsed answer, or an ApiError. */
  const post = async (path: string, body: unknown, token: string | undefined) => {
    const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? bearer(token) : {}) }, body: JSON.stringify(body) });
    if (!response.ok) throw await failure(response);
    return response.json();
  };
  return {
    /** The UI language goes as Accept-Language: the server answers in the message's own language, and in the UI's
     * when the message is too short to tell. */
    async *chat(body: { message: string; assistant: string; conversationId?: string; lang?: Lang; accessCode?: string }, uiLang: Lang, token: string | undefined, signal: AbortSignal): AsyncGenerator<TurnEvent> {
      const response = await fetch(`${base}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'accept-language': uiLang, ...(token ? bearer(token) : {}) },
        body: JSON.stringify(body),
        signal,
      });
      if (!response.ok || !response.body) throw await failure(response);
      for await (const raw of readSse(response.body)) yield { event: raw.event, data: JSON.parse(raw.data) } as TurnEvent;
    },
    async history(stored: Stored): Promise<{ lang: Lang; status: 'bot' | 'escalated' | 'staff' | 'resolved'; messages: HistoryMessage[] }> {
      const response = await fetch(`${base}/api/conversations/${encodeURIComponent(stored.id)}/messages`, { headers: bearer(stored.token) });
      if (!response.ok) throw await failure(response);
      return response.json();
    },
    async feedback(stored: Stored, body: { messageId: string; rating: 'up' | 'down'; comment?: string }): Promise<void> {
      await post('/api/feedback', body, stored.token);
    },
    /** The conversation's token goes along when there is one, so the server can tie the lead to it. */
    lead: (body: LeadBody, token: string | undefined): Promise<LeadResult> => post('/api/leads', body, token),
    escalate: (stored: Stored): Promise<Escalation> => post(`/api/conversations/${encodeURIComponent(stored.id)}/escalate`, {}, stored.token),
    /** Out of office hours: the address for a staff reply by e-mail, with the visitor's consent (204, no body). */
    async notify(stored: Stored, body: { email: string; consent: { given: true; version: string } }): Promise<void> {
      const response = await fetch(`${base}/api/conversations/${encodeURIComponent(stored.id)}/notify`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(stored.token) }, body: JSON.stringify(body) });
      if (!response.ok) throw await failure(response);
    },
    /** EventSource sends no headers: the token goes in the query (the server never logs query strings). */
    events: (stored: Stored, after: number | null) =>
      `${base}/api/conversations/${encodeURIComponent(stored.id)}/events?token=${encodeURIComponent(stored.token)}${after === null ? '' : `&lastEventId=${after}`}`,
    async forget(stored: Stored): Promise<void> {
      const response = await fetch(`${base}/api/conversations/${encodeURIComponent(stored.id)}`, { method: 'DELETE', headers: bearer(stored.token) });
      // Already gone counts as forgotten.
      if (!response.ok && response.status !== 404) throw await failure(response);
    },
  };
}
export type Api = ReturnType<typeof createApi>;
