// Streams one model answer from an Ollama host through ChatOllama, with first-token, idle and total timeouts.
import { ChatOllama } from '@langchain/ollama';
import { AIMessage, HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';

export type LlmTimeouts = { firstTokenMs: number; idleMs: number; totalMs: number };
export const DEFAULT_TIMEOUTS: LlmTimeouts = { firstTokenMs: 30_000, idleMs: 20_000, totalMs: 120_000 };

export type Turn = { role: 'user' | 'assistant'; content: string };

export class LlmError extends Error {
  override name = 'LlmError';
  constructor(
    readonly kind: 'unavailable' | 'timeout' | 'dropped',
    message: string,
  ) {
    super(message);
  }
}

export function toMessages(system: string, history: Turn[], question: string): BaseMessage[] {
  return [new SystemMessage(system), ...history.map((turn) => (turn.role === 'user' ? new HumanMessage(turn.content) : new AIMessage(turn.content))), new HumanMessage(question)];
}

/**
 * Yields text chunks. ChatOllama does not pass its call signal to the first fetch, so the abort goes through the
 * fetch we hand it; every timeout aborts that one controller.
 */
export async function* streamModelAnswer(options: {
  host: string;
  model: string;
  messages: BaseMessage[];
  signal?: AbortSignal;
  timeouts?: LlmTimeouts;
  fetch?: typeof fetch;
}): AsyncGenerator<string> {
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  const controller = new AbortController();
  let reason: LlmError | undefined;
  const abort = (error: LlmError) => {
    reason ??= error;
    controller.abort(error);
  };
  const onOuterAbort = () => abort(new LlmError('dropped', 'cancelled'));
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const fetchImpl = options.fetch ?? fetch;
  const chat = new ChatOllama({
    model: options.model,
    baseUrl: options.host,
    maxRetries: 0,
    fetch: (input, init) => fetchImpl(input, { ...init, signal: controller.signal }),
  });
  let idle = setTimeout(() => abort(new LlmError('timeout', 'no first token in time')), timeouts.firstTokenMs);
  const total = setTimeout(() => abort(new LlmError('timeout', 'answer took too long')), timeouts.totalMs);
  let started = false;
  try {
    const stream = await chat.stream(options.messages, { signal: controller.signal });
    for await (const chunk of stream) {
      const text = typeof chunk.content === 'string' ? chunk.content : '';
      if (!text) continue;
      started = true;
      clearTimeout(idle);
      idle = setTimeout(() => abort(new LlmError('timeout', 'the model stopped sending')), timeouts.idleMs);
      yield text;
    }
  } catch (error) {
    if (reason) throw reason;
    const message = error instanceof Error ? error.message : String(error);
    throw new LlmError(started ? 'dropped' : 'unavailable', message);
  } finally {
    clearTimeout(idle);
    clearTimeout(total);
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
}
