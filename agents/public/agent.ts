// The public assistant: a LangChain agent (createAgent + ChatOllama) with the registry's tools, streamed on a pool
// host with failover before the first token and first-token, idle and total timeouts.
import { createAgent } from 'langchain';
import { ChatOllama } from '@langchain/ollama';
import type { BaseMessageLike } from '@langchain/core/messages';
import type { StructuredToolInterface } from '@langchain/core/tools';
import type { HostLease, HostPool } from '../ollama/pool.ts';
import type { Turn } from './history.ts';

export type LlmTimeouts = { firstTokenMs: number; idleMs: number; totalMs: number };
export const DEFAULT_TIMEOUTS: LlmTimeouts = { firstTokenMs: 30_000, idleMs: 20_000, totalMs: 120_000 };

export type AgentEvent = { type: 'token'; text: string } | { type: 'tool'; name: string } | { type: 'host'; host: string };

export class LlmError extends Error {
  override name = 'LlmError';
  constructor(
    readonly kind: 'unavailable' | 'timeout' | 'dropped',
    message: string,
  ) {
    super(message);
  }
}

export type AgentRun = {
  pool: HostPool;
  model: string;
  systemPrompt: string;
  /** Tools are built per host attempt, so a failed attempt's citations do not leak into the next. */
  tools: () => StructuredToolInterface[];
  history: Turn[];
  question: string;
  timeouts?: LlmTimeouts;
  signal?: AbortSignal;
};

async function* runOnHost(run: AgentRun, lease: HostLease): AsyncGenerator<AgentEvent> {
  const timeouts = run.timeouts ?? DEFAULT_TIMEOUTS;
  const controller = new AbortController();
  let reason: LlmError | undefined;
  const abort = (error: LlmError) => {
    reason ??= error;
    controller.abort(error);
  };
  const onOuterAbort = () => abort(new LlmError('dropped', 'cancelled by the client'));
  run.signal?.addEventListener('abort', onOuterAbort, { once: true });
  // ChatOllama does not pass its call signal to the first fetch, so the abort goes through the fetch it uses.
  const model = new ChatOllama({ model: run.model, baseUrl: lease.host, maxRetries: 0, fetch: (input, init) => lease.fetch(input, { ...init, signal: controller.signal }) });
  const agent = createAgent({ model, tools: run.tools(), systemPrompt: run.systemPrompt });
  let idle = setTimeout(() => abort(new LlmError('timeout', 'no first token in time')), timeouts.firstTokenMs);
  const total = setTimeout(() => abort(new LlmError('timeout', 'the answer took too long')), timeouts.totalMs);
  let started = false;
  const messages: BaseMessageLike[] = [...run.history.map((turn) => ({ role: turn.role, content: turn.content })), { role: 'user', content: run.question }];
  try {
    const stream = await agent.stream({ messages }, { streamMode: 'messages', signal: controller.signal });
    for await (const [chunk, meta] of stream as AsyncIterable<[{ content: unknown; name?: string }, { langgraph_node?: string }]>) {
      if (meta.langgraph_node === 'tools') {
        yield { type: 'tool', name: chunk.name ?? 'tool' };
        continue;
      }
      const text = typeof chunk.content === 'string' ? chunk.content : '';
      if (!text) continue;
      if (!started) {
        started = true;
        clearTimeout(idle);
      }
      clearTimeout(idle);
      idle = setTimeout(() => abort(new LlmError('timeout', 'the model stopped sending')), timeouts.idleMs);
      yield { type: 'token', text };
    }
  } catch (error) {
    if (reason) throw reason;
    throw new LlmError(started ? 'dropped' : 'unavailable', error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(idle);
    clearTimeout(total);
    run.signal?.removeEventListener('abort', onOuterAbort);
  }
}

/**
 * Streams the agent's answer. A host that fails before the first token (connection error, 5xx, timeout) is cooled
 * off and the next least busy host takes over; after the first token a failure ends the answer.
 */
export async function* streamAgentAnswer(run: AgentRun): AsyncGenerator<AgentEvent> {
  const tried = new Set<string>();
  for (;;) {
    const lease = run.pool.acquire(run.model, tried);
    if (!lease) throw new LlmError('unavailable', tried.size ? `every host failed (${[...tried].join(', ')})` : 'no healthy host holds the model');
    tried.add(lease.host);
    let relayed = false;
    try {
      yield { type: 'host', host: lease.host };
      for await (const event of runOnHost(run, lease)) {
        if (event.type === 'token') relayed = true;
        yield event;
      }
      lease.release('ok');
      return;
    } catch (error) {
      const llmError = error instanceof LlmError ? error : new LlmError('dropped', String(error));
      const cancelled = run.signal?.aborted === true;
      lease.release(cancelled ? 'ok' : 'failed');
      if (relayed || cancelled) throw new LlmError('dropped', llmError.message);
    }
  }
}
