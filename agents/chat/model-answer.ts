// A model answer with its guards: relayed as it streams, reset and regenerated once when it drifts out of the
// user's language, replaced by the offline answer when it drifts again, leaks a secret or cites nothing.
import { educationSystemPrompt } from '../../prompts/education.ts';
import { publicSystemPrompt } from '../../prompts/public.ts';
import { citedNumbers, type Source } from '../answer/sources.ts';
import { createLanguageGuard } from '../guards/language.ts';
import { createLeakGuard } from '../guards/leak.ts';
import type { Lang } from '../language/languages.ts';
import { submitLead } from '../leads/submit.ts';
import { streamAgentAnswer, type AgentEvent } from '../public/agent.ts';
import { fitHistory, type Turn } from '../public/history.ts';
import type { SearchResult } from '../retrieval/search.ts';
import { captureLeadTool } from '../tools/capture-lead.ts';
import { createCitations, formatPassages } from '../tools/citations.ts';
import { escalateToStaffTool } from '../tools/escalate-to-staff.ts';
import { publicTools, teachingTools } from '../tools/registry.ts';
import type { TurnAction } from './events.ts';
import type { Assistant, TurnPorts } from './ports.ts';

export type ModelOutcome =
  | { kind: 'answered'; body: string; sources: Source[]; drifts: number; tools: string[] }
  /** The model cannot be used for this answer; `reason` says why, for the reset event when tokens were shown. */
  | { kind: 'fallback'; reason: 'unavailable' | 'language' | 'unsafe' | 'uncited'; drifts: number; shown: boolean; tools: string[] }
  | { kind: 'failed'; body: string; drifts: number };

export type ModelAnswerInput = {
  conversationId: string;
  assistant: Assistant;
  question: string;
  lang: Lang;
  passages: SearchResult[];
  history: Turn[];
  /** The public origin, for the withdraw link of a lead captured in this turn. */
  baseUrl: string;
  signal?: AbortSignal;
};

// History is kept within this many tokens, leaving room in the context for the passages and the answer.
const HISTORY_BUDGET = 1500;

type ModelIo = {
  onStart: () => Promise<void>;
  relay: (text: string) => Promise<void>;
  reset: (reason: string) => Promise<void>;
  /** What a tool did that the widget must show: a lead submitted with consent, an escalation to staff. */
  act: (action: TurnAction) => void;
  /** The agent put the conversation in the staff queue (escalate_to_staff); `text` tells the visitor. */
  handedOver: (text: string) => void;
};

/** Each assistant's tools: the public one qualifies leads; the teachers' one never does, and drafts lessons instead. */
function toolsFor(deps: TurnPorts, input: ModelAnswerInput, io: ModelIo) {
  const escalation = escalateToStaffTool({
    conversationId: input.conversationId,
    ports: deps,
    escalated: ({ text, action }) => {
      io.act(action);
      io.handedOver(text);
    },
  });
  if (input.assistant === 'education') return teachingTools().register(escalation);
  return publicTools()
    .register(
      captureLeadTool({
        conversationId: input.conversationId,
        now: deps.now,
        i18n: deps.i18n,
        submit: async (lead) => {
          const submitted = await submitLead(deps.db, lead, { ...deps.leads, now: deps.now(), baseUrl: input.baseUrl });
          io.act({ type: 'lead_submitted', leadId: submitted.leadId, qualified: submitted.qualified, withdrawUrl: submitted.withdrawUrl });
          return submitted;
        },
      }),
    )
    .register(escalation);
}

/**
 * Runs the agent until one answer passes the guards. `onStart` is called once, before the first token is relayed
 * (so the caller can announce the mode); `relay` sends text; `reset` tells the client to discard what it showed.
 */
export async function answerWithModel(
  deps: TurnPorts,
  input: ModelAnswerInput,
  io: ModelIo,
): Promise<ModelOutcome> {
  let drifts = 0;
  let started = false;
  const tools: string[] = [];
  // Two passes at most: a drift in the first regenerates with a stricter instruction; one in the second returns.
  for (let strict = false; ; strict = true) {
    const citations = createCitations(input.passages);
    const stream = streamAgentAnswer({
      pool: deps.llm.pool,
      model: deps.llm.model,
      systemPrompt: (input.assistant === 'education' ? educationSystemPrompt : publicSystemPrompt)(input.lang, {
        passages: formatPassages(citations.add(input.passages)),
        canary: deps.guard.canary,
        strict,
      }),
      tools: () => toolsFor(deps, input, io).build({ db: deps.db, knowledge: deps.knowledge, embeddings: null, lang: input.lang, citations, assistant: input.assistant }),
      history: fitHistory(input.history, HISTORY_BUDGET),
      question: input.question,
      timeouts: deps.llm.timeouts,
      signal: input.signal,
    });
    const guard = createLeakGuard(deps.guard.secrets);
    let body = '';
    let shown = false;
    // The first 12 words decide; once they read right, the rest of the stream is not detected again.
    const language = createLanguageGuard(input.lang);
    const show = async (text: string | null): Promise<boolean> => {
      if (text === null) return false;
      if (!text) return true;
      if (!started) {
        started = true;
        await io.onStart();
      }
      shown = true;
      await io.relay(text);
      return true;
    };
    try {
      for await (const event of stream as AsyncGenerator<AgentEvent>) {
        if (event.type === 'tool') tools.push(event.name);
        if (event.type !== 'token') continue;
        body += event.text;
        if (!(await show(guard.push(event.text)))) {
          await stream.return(undefined);
          deps.log.warn('answer blocked: it repeated a secret', { lang: input.lang });
          return { kind: 'fallback', reason: 'unsafe', drifts, shown, tools };
        }
        if (language.push(event.text) === 'drift') {
          await stream.return(undefined);
          drifts++;
          deps.log.warn('language drift', { expected: input.lang, drifts });
          if (shown) await io.reset('language');
          if (!strict) break;
          return { kind: 'fallback', reason: 'language', drifts, shown: false, tools };
        }
      }
    } catch (error) {
      if (!shown) return { kind: 'fallback', reason: 'unavailable', drifts, shown: false, tools };
      deps.log.warn('model stream failed', { error: error instanceof Error ? error.name : 'unknown' });
      return { kind: 'failed', body, drifts };
    }
    if (!strict && drifts > 0) continue;
    if (!(await show(guard.flush()))) return { kind: 'fallback', reason: 'unsafe', drifts, shown, tools };
    const sources = citations.sources();
    const cited = citedNumbers(body, sources);
    if (cited.length === 0) return { kind: 'fallback', reason: 'uncited', drifts, shown, tools };
    return { kind: 'answered', body, sources: sources.filter((source) => cited.includes(source.n)), drifts, tools };
  }
}
