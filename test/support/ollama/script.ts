// What the stand-in "model" says: a queue of scripted replies, a fallback, and how a reply becomes tokens.
import type { ChatRequest } from './schemas.ts';

export type ScriptedToolCall = { name: string; arguments: Record<string, unknown> };

export type ChatReply = {
  /** Whole answer; split into word-sized tokens unless `tokens` is given. */
  content?: string;
  /** Exact stream tokens, one NDJSON line each; wins over `content`. */
  tokens?: string[];
  /** Reasoning text, streamed before the content, only when the request sets `think`. */
  thinking?: string;
  /** Emitted after the content on one line with content '', only when the request carries tools. */
  toolCalls?: ScriptedToolCall[];
  doneReason?: 'stop' | 'length';
};

/**
 * /api/generate requests reach functions as a chat request (system + user message from `system` + `prompt`),
 * which is how Ollama's templates see them anyway; `path` tells the two apart.
 */
export type ReplyFunction = (request: ChatRequest, path: string) => ChatReply;
export type ScriptStep = ChatReply | ReplyFunction;

export interface ChatScript {
  /** Queue replies; each chat or generate request takes the next one. */
  push(...steps: ScriptStep[]): void;
  /** Used once the queue is empty. */
  setFallback(step: ScriptStep): void;
  /** Replies still queued. */
  remaining(): number;
  clear(): void;
}

export const DEFAULT_FALLBACK_TEXT = 'This is the Ollama stand-in.';

export function createScript(steps: readonly ScriptStep[] = [], fallback: ScriptStep = { content: DEFAULT_FALLBACK_TEXT }) {
  const queue = [...steps];
  let currentFallback = fallback;
  const script: ChatScript = {
    push: (...more) => void queue.push(...more),
    setFallback: (step) => void (currentFallback = step),
    remaining: () => queue.length,
    clear: () => void queue.splice(0),
  };
  const next = (request: ChatRequest, path: string): ChatReply => {
    const step = queue.shift() ?? currentFallback;
    return typeof step === 'function' ? step(request, path) : step;
  };
  return { script, next };
}

/** Word-sized tokens that keep their leading whitespace, so joining them gives the text back exactly. */
export function tokenize(text: string): string[] {
  return text.match(/\s*\S+|\s+$/g) ?? [];
}

export function replyTokens(reply: ChatReply): string[] {
  return reply.tokens ?? tokenize(reply.content ?? '');
}
