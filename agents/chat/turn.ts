// One assistant turn: retrieve, decide (answer, refuse, other language), generate (agent or offline), store, emit.
import { completeAnswer, finishMessage } from '../../db/queries/conversations.ts';
import { composeOfflineAnswer } from '../answer/offline.ts';
import { assessQuestion, statPrefixes } from '../answer/confidence.ts';
import { scopeOf } from './scope.ts';
import { questionType } from '../answer/question-type.ts';
import type { Source } from '../answer/sources.ts';
import type { Lang } from '../language/languages.ts';
import { afterThisTurn } from '../next-turn.ts';
import { answerMode } from '../ollama/pool.ts';
import type { Turn } from '../public/history.ts';
import type { AnswerMode, TurnAction, TurnEvent, TurnMode } from './events.ts';
import { answerWithModel } from './model-answer.ts';
import { planTurn, type Plan } from './plan.ts';
import { otherPassages } from '../retrieval/search.ts';
import { handOverToStaff } from '../staff/notice.ts';
import type { Assistant, TurnPorts } from './ports.ts';
import type { PendingQuestion } from './pending.ts';
import type { Found } from '../privacy/spans.ts';
import { redactionNotice } from '../privacy/notice.ts';
import { PRIVACY_VERSION } from '../../legal/documents.ts';

export type TurnInput = {
  conversationId: string;
  conversationToken: string;
  assistant: Assistant;
  /** The user message this turn answers, and its text as stored (redacted for the teachers' assistant). */
  questionId: string;
  /** Its write, which the turn runs (pending.ts). */
  pending: PendingQuestion;
  question: string;
  /** What redaction removed from the question: the reply says so. */
  redacted: Found;
  lang: Lang;
  foreign?: string;
  firstReply: boolean;
  /** Staff hold the conversation or are awaited: the assistant stays silent. */
  awaitingStaff: boolean;
  /** The visitor's question before this one, which a short follow-up leans on. */
  previousQuestion: string | null;
  /** The conversation's complete turns before this question, for the model. */
  history: Turn[];
  /** The public origin of the request, for links the answer carries. */
  baseUrl: string;
};

export type TurnResult = {
  messageId: string;
  answer: string;
  sources: Source[];
  answered: boolean;
  /** The answer is an approved one, given verbatim. */
  approved: boolean;
  mode: TurnMode;
  complete: boolean;
  actions: TurnAction[];
};

/** Text as a stream of small tokens, so an offline answer streams like a model's. */
function* wordsOf(text: string): Generator<string> {
  for (const match of text.matchAll(/\S+\s*|\s+/g)) yield match[0];
}

/**
 * A person holds the conversation or is awaited: the message is stored for them, with its event; nothing is answered,
 * except that a teacher is told what redaction removed from it before anyone reads it.
 */
async function leaveToStaff(deps: TurnPorts, input: TurnInput, emit: (event: TurnEvent) => Promise<void>): Promise<TurnResult> {
  await input.pending.store();
  const notice = input.redacted.length ? redactionNotice(input.redacted, deps.i18n.forLang(input.lang)) : '';
  await emit({ event: 'meta', data: { conversationId: input.conversationId, conversationToken: input.conversationToken, lang: input.lang, mode: 'staff' } });
  for (const token of wordsOf(notice)) await emit({ event: 'token', data: { text: token } });
  await emit({ event: 'done', data: { messageId: input.questionId, answered: false, approved: false } });
  return { messageId: input.questionId, answer: notice, sources: [], answered: false, approved: false, mode: 'staff', complete: true, actions: [] };
}

/** Runs one turn; a turn that fails before it stored the question still stores it on its way out. */
export async function runTurn(deps: TurnPorts, input: TurnInput, emit: (event: TurnEvent) => Promise<void>, signal?: AbortSignal): Promise<TurnResult> {
  try {
    return await (input.awaitingStaff ? leaveToStaff(deps, input, emit) : answerTurn(deps, input, emit, signal));
  } finally {
    // Memoized: after a write that ran, this is its outcome again, and the turn's own error is the one that counts.
    await input.pending.store().catch(() => undefined);
  }
}

async function answerTurn(deps: TurnPorts, input: TurnInput, emit: (event: TurnEvent) => Promise<void>, signal?: AbortSignal): Promise<TurnResult> {
  const t = deps.i18n.forLang(input.lang);
  const started = deps.now();
  const planned = await planTurn(deps, input);
  const retrievedAt = deps.now();
  const messageId = crypto.randomUUID();
  const poolMode = answerMode(deps.llm.pool.mode());
  const useModel = planned.kind === 'answer' && poolMode === 'llm';
  const placeholder = { id: messageId, conversationId: input.conversationId, role: 'assistant', content: '', lang: input.lang, state: 'streaming', mode: useModel ? 'llm' : 'offline', createdAt: retrievedAt } as const;
  // The question and its answer's placeholder are stored in one batch; while a model answers, once its request has
  // left: the writes were the last things before the model call (c1 overhead p50 −0.6 ms for the placeholder, −0.5 ms
  // more for the question). The first token and every ending of the answer wait for it; so does a handover to staff.
  const placing = useModel ? afterThisTurn().then(() => input.pending.store(placeholder)) : input.pending.store(placeholder);
  placing.catch(() => undefined);
  if (!useModel) await placing;
  // Asking for a person hands the conversation to the staff queue; the reply says what happens next.
  const handedOver = planned.kind === 'escalate' ? await handOverToStaff(deps, input.conversationId, 'message', t) : null;
  const decided: Exclude<Plan, { kind: 'escalate' }> = planned.kind === 'escalate' ? { kind: 'reply', text: handedOver!.text, leadForm: null } : planned;
  const finish = async (patch: Parameters<typeof finishMessage>[2]) => {
    await placing;
    await finishMessage(deps.db, messageId, patch);
  };

  // The AI notice opens a conversation; a note of what redaction removed opens the reply to that message.
  const privacy = input.redacted.length ? `${redactionNotice(input.redacted, t)}\n\n` : '';
  const teachers = input.assistant === 'education';
  const notice = `${input.firstReply ? `${t(teachers ? 'chat:edu.ai_notice' : 'chat:ai_notice')}\n\n` : ''}${privacy}`;
  // An approved answer is given in whatever mode the assistant is in, though no model writes it.
  let mode: AnswerMode = decided.kind === 'approved' ? poolMode : 'offline';
  let announced = false;
  let firstTokenAt: number | undefined;
  const announce = async () => {
    if (announced) return;
    announced = true;
    await emit({ event: 'meta', data: { conversationId: input.conversationId, conversationToken: input.conversationToken, lang: input.lang, mode } });
    for (const token of wordsOf(notice)) await emit({ event: 'token', data: { text: token } });
  };
  // After a reset the client has discarded the whole answer, notice included, so the notice is sent again.
  const resetAnswer = async (reason: string) => {
    await emit({ event: 'reset', data: { reason } });
    for (const token of wordsOf(notice)) await emit({ event: 'token', data: { text: token } });
  };
  const stream = async (text: string) => {
    firstTokenAt ??= deps.now();
    for (const token of wordsOf(text)) await emit({ event: 'token', data: { text: token } });
  };
  const timings = (extra: Record<string, number> = {}) => ({
    retrievalMs: retrievedAt - started,
    ...(firstTokenAt ? { firstTokenMs: firstTokenAt - started } : {}),
    totalMs: deps.now() - started,
    ...extra,
  });

  let body: string;
  let sources: Source[] = [];
  let answered = false;
  let extra: Record<string, number> = {};
  let toolHandover: string | null = null;
  let approvedId: string | null = null;
  const actions: TurnAction[] = handedOver ? [handedOver.action] : [];

  if (decided.kind === 'reply') {
    await announce();
    body = decided.text;
    await stream(body);
  } else if (decided.kind === 'approved') {
    await announce();
    body = decided.match.answer;
    sources = decided.match.sources;
    answered = true;
    approvedId = decided.match.id;
    await stream(body);
  } else {
    const outcome = useModel
      ? await answerWithModel(
          deps,
          {
            conversationId: input.conversationId,
            assistant: input.assistant,
            question: input.question,
            lang: input.lang,
            passages: decided.passages,
            history: input.history,
            baseUrl: input.baseUrl,
            signal,
          },
          {
            onStart: async () => {
              await placing;
              mode = 'llm';
              await announce();
            },
            relay: async (text) => {
              firstTokenAt ??= deps.now();
              await emit({ event: 'token', data: { text } });
            },
            reset: resetAnswer,
            act: (action) => actions.push(action),
            handedOver: (text) => (toolHandover = text),
          },
        )
      : null;
    extra = outcome ? { drifts: outcome.drifts } : {};
    if (outcome?.kind === 'failed') {
      await finish({ content: notice + outcome.body, state: 'incomplete', mode, timings: timings(extra) });
      await emit({ event: 'error', data: { code: 'stream_failed', message: t('errors.stream_failed') } });
      return { messageId, answer: notice + outcome.body, sources: [], answered: false, approved: false, mode, complete: false, actions: [] };
    }
    if (outcome?.kind === 'answered') {
      body = outcome.body;
      sources = outcome.sources;
      answered = true;
    } else if (toolHandover !== null) {
      // The agent handed the conversation to staff without a citation: the notice says what happens next.
      if (outcome?.kind === 'fallback' && outcome.shown) await resetAnswer(outcome.reason);
      await announce();
      body = toolHandover;
      await stream(body);
    } else {
      // No model, or its answer failed a guard: the quoted passages answer instead, in the user's language.
      if (outcome?.kind === 'fallback') deps.log.info('offline answer instead of the model', { reason: outcome.reason });
      if (outcome?.kind === 'fallback' && outcome.shown) await resetAnswer(outcome.reason);
      // Without a model to read them, the chosen documents' other passages can hold the sentence that answers.
      const quotable = decided.framing === 'offline' ? [...decided.passages, ...otherPassages(await deps.knowledge(), decided.passages)] : decided.passages;
      // One call to action: teachers come for lessons, not for the AI Factory's staff, and a lead form offers an advisor.
      const compose = async (query: string) => {
        // The plan counted these stems already (term-stats-cache.ts): read from memory.
        const stats = await deps.termStats(statPrefixes(assessQuestion(query, input.lang)), input.lang, scopeOf(input.assistant));
        return composeOfflineAnswer(query, input.lang, quotable, t, decided.framing, !teachers && !decided.leadForm?.announce, stats);
      };
      // A follow-up found with its previous question ("what's the budget of it?") is quoted for its own words where
      // the passages hold them: quoted for both, the previous question's words outweighed the budget. One that asks
      // who or when ("since when does it exist?") keeps both: the name or date it wants is the previous topic's.
      const ownWords = decided.framing === 'offline' && decided.query !== input.question && questionType(input.question, input.lang) === 'other';
      const own = ownWords ? await compose(input.question) : null;
      const offline = own?.quoted ? own : await compose(decided.query);
      await announce();
      // Teachers come for drafted lessons too: offline, the reply says that this part needs the model.
      body = teachers ? `${offline.text}\n\n${t('chat:teachers.offline_note')}` : offline.text;
      sources = offline.sources;
      answered = true;
      await stream(body);
    }
  }

  // A model that answered qualifies the lead in conversation (capture_lead); otherwise the form does it.
  const form = mode === 'llm' || decided.kind === 'approved' ? null : decided.leadForm;
  if (form) {
    actions.push({ type: 'lead_form', lang: input.lang, topics: form.topics, consent: { version: PRIVACY_VERSION, text: t('leads:consent.text', { version: PRIVACY_VERSION }), label: t('leads:consent.label') } });
    if (form.announce) {
      const offer = `\n\n${t('leads:form.offer')}`;
      body += offer;
      await stream(offer);
    }
  }

  if (signal?.aborted) {
    await finish({ content: notice + body, state: 'incomplete', mode, timings: timings(extra) });
    return { messageId, answer: notice + body, sources, answered: false, approved: false, mode, complete: false, actions: [] };
  }
  const answer = notice + body;
  const approved = approvedId !== null;
  await placing;
  await completeAnswer(deps.db, messageId, { content: answer, sources, answered, mode, model: mode === 'llm' && !approved ? deps.llm.model : null, approvedAnswerId: approvedId, timings: timings(extra) });
  if (sources.length) await emit({ event: 'sources', data: { sources } });
  for (const action of actions) await emit({ event: 'action', data: action });
  await emit({ event: 'done', data: { messageId, answered, approved } });
  return { messageId, answer, sources, answered, approved, mode, complete: true, actions };
}
