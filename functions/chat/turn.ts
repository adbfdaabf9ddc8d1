// One assistant turn: retrieve, decide (answer, refuse, other language), generate (model or offline), store, emit.
import type { Lang } from '../../agents/language/languages.ts';
import { questionStems, supportsAnswer } from '../../agents/answer/confidence.ts';
import { chunkFrequencies } from '../../db/queries/knowledge.ts';
import { LlmError, streamModelAnswer, toMessages, type Turn } from '../../agents/answer/llm.ts';
import { composeOfflineAnswer, composeRefusal } from '../../agents/answer/offline.ts';
import { citedNumbers, toSources, type Source } from '../../agents/answer/sources.ts';
import { searchKnowledge, type SearchResult } from '../../agents/retrieval/search.ts';
import { publicSystemPrompt } from '../../prompts/public.ts';
import { appendMessage, finishMessage, listMessages } from '../../db/queries/conversations.ts';
import type { Translate } from '../../locales/index.ts';
import type { AppDeps } from '../types.ts';

export type TurnEvent =
  | { event: 'meta'; data: { conversationId: string; conversationToken: string; lang: Lang; mode: 'llm' | 'offline' } }
  | { event: 'token'; data: { text: string } }
  | { event: 'reset'; data: { reason: string } }
  | { event: 'sources'; data: { sources: Source[] } }
  | { event: 'done'; data: { messageId: string; answered: boolean } }
  | { event: 'error'; data: { code: string; message: string } };

export type TurnInput = {
  conversationId: string;
  conversationToken: string;
  question: string;
  lang: Lang;
  foreign?: string;
  firstReply: boolean;
};

export type TurnResult = { messageId: string; answer: string; sources: Source[]; answered: boolean; mode: 'llm' | 'offline'; complete: boolean };

const PASSAGES = 4;
const HISTORY_TURNS = 6;

type Plan = { kind: 'reply'; text: string; answered: boolean } | { kind: 'answer'; passages: SearchResult[] };

async function plan(deps: AppDeps, input: TurnInput, t: Translate): Promise<Plan> {
  if (input.foreign) return { kind: 'reply', text: t('chat:language.unsupported'), answered: false };
  const embeddings = await deps.queryEmbeddings();
  const results = await searchKnowledge({ client: deps.client, embeddings }, { query: input.question, lang: input.lang, k: PASSAGES });
  // Passages that carry too few of the question's words are noise, and without any the knowledge has no answer.
  const stems = questionStems(input.question, input.lang);
  const stats = await chunkFrequencies(deps.client, stems);
  const passages = results.filter((r) => supportsAnswer(stems, r, stats));
  if (passages.length === 0) return { kind: 'reply', text: composeRefusal(t), answered: false };
  return { kind: 'answer', passages };
}

async function history(deps: AppDeps, conversationId: string): Promise<Turn[]> {
  const rows = await listMessages(deps.db, conversationId);
  return rows
    .filter((m) => m.state === 'complete' && (m.role === 'user' || m.role === 'assistant'))
    .slice(0, -1) // the question of this turn is already stored and goes last
    .slice(-HISTORY_TURNS)
    .map((m) => ({ role: m.role as Turn['role'], content: m.content }));
}

/** Text as a stream of small tokens, so an offline answer streams like a model's. */
function* wordsOf(text: string): Generator<string> {
  for (const match of text.matchAll(/\S+\s*|\s+/g)) yield match[0];
}

export async function runTurn(deps: AppDeps, input: TurnInput, emit: (event: TurnEvent) => Promise<void>, signal?: AbortSignal): Promise<TurnResult> {
  const t = deps.i18n.forLang(input.lang);
  const started = deps.now();
  const decided = await plan(deps, input, t);
  const retrievedAt = deps.now();
  const messageId = crypto.randomUUID();
  const host = decided.kind === 'answer' ? deps.llm.chatHost() : null;
  await appendMessage(deps.db, { id: messageId, conversationId: input.conversationId, role: 'assistant', content: '', lang: input.lang, state: 'streaming', mode: host ? 'llm' : 'offline', createdAt: retrievedAt });

  const notice = input.firstReply ? `${t('chat:ai_notice')}\n\n` : '';
  let mode: 'llm' | 'offline' = 'offline';
  let body = '';
  let sources: Source[] = [];
  let answered = false;
  let modelChunks: AsyncGenerator<string> | undefined;
  let firstChunk: IteratorResult<string> | undefined;

  if (decided.kind === 'answer' && host) {
    modelChunks = streamModelAnswer({
      host,
      model: deps.env.CHAT_MODEL,
      messages: toMessages(publicSystemPrompt(input.lang, decided.passages), await history(deps, input.conversationId), input.question),
      signal,
      timeouts: deps.llmTimeouts,
      fetch: deps.fetch,
    });
    try {
      firstChunk = await modelChunks.next();
      mode = 'llm';
    } catch (error) {
      // The model is missing or unreachable before its first token: the offline answer stands in.
      deps.log.warn('model unavailable, answering offline', { error: error instanceof Error ? error.message : String(error) });
      modelChunks = undefined;
    }
  }

  await emit({ event: 'meta', data: { conversationId: input.conversationId, conversationToken: input.conversationToken, lang: input.lang, mode } });
  const stream = async (text: string) => {
    for (const token of wordsOf(text)) await emit({ event: 'token', data: { text: token } });
  };
  const fail = async (code: string) => {
    await finishMessage(deps.db, messageId, { content: notice + body, state: 'incomplete', mode, timings: { retrievalMs: retrievedAt - started, totalMs: deps.now() - started } });
    await emit({ event: 'error', data: { code, message: t(`errors.${code}`) } });
    return { messageId, answer: notice + body, sources: [], answered: false, mode, complete: false };
  };

  await stream(notice);
  let firstTokenAt: number | undefined;

  if (decided.kind === 'reply') {
    body = decided.text;
    await stream(body);
  } else if (modelChunks && firstChunk) {
    try {
      for (let chunk = firstChunk; !chunk.done; chunk = await modelChunks.next()) {
        firstTokenAt ??= deps.now();
        body += chunk.value;
        await emit({ event: 'token', data: { text: chunk.value } });
      }
    } catch (error) {
      deps.log.warn('model stream failed', { error: error instanceof LlmError ? error.kind : 'unknown' });
      return fail('stream_failed');
    }
    const cited = citedNumbers(body, toSources(decided.passages));
    if (cited.length > 0) {
      sources = toSources(decided.passages).filter((source) => cited.includes(source.n));
      answered = true;
    } else {
      // An answer without a citation is never grounded: replace it with the quoted passages.
      await emit({ event: 'reset', data: { reason: 'uncited' } });
      const offline = composeOfflineAnswer(input.question, input.lang, decided.passages, t);
      body = offline.text;
      await stream(notice + body);
      sources = offline.sources;
      answered = true;
    }
  } else {
    const offline = composeOfflineAnswer(input.question, input.lang, decided.passages, t);
    body = offline.text;
    await stream(body);
    sources = offline.sources;
    answered = true;
  }

  if (signal?.aborted) return fail('stream_failed');
  const answer = notice + body;
  await finishMessage(deps.db, messageId, {
    content: answer,
    state: 'complete',
    sources,
    answered,
    mode,
    model: mode === 'llm' ? deps.env.CHAT_MODEL : null,
    timings: { retrievalMs: retrievedAt - started, ...(firstTokenAt ? { firstTokenMs: firstTokenAt - started } : {}), totalMs: deps.now() - started },
  });
  if (sources.length) await emit({ event: 'sources', data: { sources } });
  await emit({ event: 'done', data: { messageId, answered } });
  return { messageId, answer, sources, answered, mode, complete: true };
}
