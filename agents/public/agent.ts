// The public assistant: a LangChain tool-calling agent (ChatOllama called with the registry's tools), streamed on a
// pool host with failover before the first token and first-byte, first-token, idle and total timeouts.
import { ChatOllama } from '@langchain/ollama';
import { AIMessage, AIMessageChunk, HumanMessage, SystemMessage, ToolMessage, type BaseMessage } from '@langchain/core/messages';
import type { ToolCall } from '@langchain/core/messages/tool';
import type { StructuredToolInterface } from '@langchain/core/tools';
import type { HostLease, HostPool } from '../ollama/pool.ts';
import type { Turn } from './history.ts';

export type LlmTimeouts = {
  /**
   * A model request → Ollama's response head, which it sends with the first line it streams (a thinking or
   * tool-call line counts): a warm host that sends nothing this long is stuck, and the answer moves to the next host.
   * DEFAULT_TIMEOUTS' when unset.
   */
  firstByteMs?: number;
  /** The start of an answer → its first text token: a model may think or call tools first. */
  firstTokenMs: number;
  idleMs: number;
  totalMs: number;
  /** A turn's wait for its query vectors, after which its search is lexical: a stuck embedding host costs this. */
  queryVectorMs?: number;
};
/**
 * A warm model with our prompt (about 3,000 tokens) streams its first line within a second or two on a GPU, so 5 s
 * tells a stuck host from a busy one; a cold host (the model not in memory) gets the first-token time to load it.
 */
export const DEFAULT_TIMEOUTS: Required<LlmTimeouts> = { firstByteMs: 5_000, firstTokenMs: 30_000, idleMs: 20_000, totalMs: 120_000, queryVectorMs: 3_000 };

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

// A question rarely needs more than one search or one lead capture; a model that keeps calling tools is stopped.
const MAX_TOOL_ROUNDS = 4;

/** Runs one tool call; a failing or unknown tool answers with an error the model can read, as LangChain's ToolNode does. */
async function callTool(tools: Map<string, StructuredToolInterface>, call: ToolCall): Promise<ToolMessage> {
  const found = tools.get(call.name);
  const failed = (content: string) => new ToolMessage({ content, tool_call_id: call.id ?? call.name, name: call.name, status: 'error' });
  if (!found) return failed(`Error: there is no tool named ${call.name}.`);
  try {
    const result: unknown = await found.invoke({ ...call, type: 'tool_call' });
    return result instanceof ToolMessage ? result : new ToolMessage({ content: String(result), tool_call_id: call.id ?? call.name, name: call.name });
  } catch (error) {
    return failed(`Error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The agent loop on one host: the model, given the tools, streams its answer; when it asks for tools they run
 * and the model is called again with their results. The same loop LangChain's createAgent runs, without building a
 * LangGraph graph for every turn (about a quarter of a turn's time before the first token, issue 15).
 */
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
  const firstByteMs = lease.warm ? (timeouts.firstByteMs ?? DEFAULT_TIMEOUTS.firstByteMs) : timeouts.firstTokenMs;
  // ChatOllama does not pass its call signal to the first fetch, so the abort goes through the fetch it uses; the
  // fetch resolves with the response head, which is what the first-byte clock waits for (each tool round has its own).
  const model = new ChatOllama({
    model: run.model,
    baseUrl: lease.host,
    maxRetries: 0,
    fetch: (input, init) => {
      const stuck = setTimeout(() => abort(new LlmError('timeout', 'the host sent nothing in time')), firstByteMs);
      return lease.fetch(input, { ...init, signal: controller.signal }).finally(() => clearTimeout(stuck));
    },
  });
  const tools = run.tools();
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  let idle = setTimeout(() => abort(new LlmError('timeout', 'no first token in time')), timeouts.firstTokenMs);
  // After the first token, the idle wait runs from the latest one. A timer set again for every token cost more than
  // relaying it; this one only looks when it runs out, and waits the rest if a token came meanwhile.
  let lastTextAt = 0;
  const idleCheck = () => {
    const quiet = Date.now() - lastTextAt;
    if (quiet >= timeouts.idleMs) abort(new LlmError('timeout', 'the model stopped sending'));
    else idle = setTimeout(idleCheck, timeouts.idleMs - quiet);
  };
  const total = setTimeout(() => abort(new LlmError('timeout', 'the answer took too long')), timeouts.totalMs);
  let started = false;
  const messages: BaseMessage[] = [
    new SystemMessage(run.systemPrompt),
    ...run.history.map((turn) => (turn.role === 'user' ? new HumanMessage(turn.content) : new AIMessage(turn.content))),
    new HumanMessage(run.question),
  ];
  try {
    for (let round = 0; round <= MAX_TOOL_ROUNDS; round++) {
      // A reply without tool calls is done when it has streamed; only one with tool calls is merged (merging per
      // token cost more than relaying it).
      const chunks: AIMessageChunk[] = [];
      // The chat model's own stream, with the tools as its call options: `stream()` and the Runnable iterator
      // under it wrap each call in callback and tracing runs this agent does not use, 0.14 of the 0.38 ms from
      // here to the request leaving (issue 15). ChatOllama converts the tools to Ollama's format as bindTools would.
      for await (const { message: chunk } of model._streamResponseChunks(messages, { signal: controller.signal, tools })) {
        // ChatOllama streams AI message chunks only; the method's type allows any.
        if (!AIMessageChunk.isInstance(chunk)) continue;
        chunks.push(chunk);
        const text = typeof chunk.content === 'string' ? chunk.content : '';
        if (!text) continue;
        lastTextAt = Date.now();
        if (!started) {
          started = true;
          clearTimeout(idle);
          idle = setTimeout(idleCheck, timeouts.idleMs);
        }
        yield { type: 'token', text };
      }
      if (!chunks.some((chunk) => chunk.tool_call_chunks?.length || chunk.tool_calls?.length)) return;
      const reply = chunks.reduce((merged, chunk) => merged.concat(chunk));
      const calls = reply.tool_calls ?? [];
      if (calls.length === 0) return;
      messages.push(reply);
      for (const call of calls) {
        yield { type: 'tool', name: call.name };
        messages.push(await callTool(byName, call));
      }
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
    } finally {
      // A caller that stops the stream early (a language drift, a leaked secret) ends it here: the host did its
      // part, and its in-flight count must drop (a lease ignores a second release).
      lease.release('ok');
    }
  }
}
