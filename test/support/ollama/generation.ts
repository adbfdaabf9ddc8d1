// /api/chat and /api/generate: scripted replies rendered as Ollama's NDJSON stream or as one JSON object.
import { z } from 'zod';
import { type Exchange, sendError, sendJsonWithFaults, streamNdjson } from './exchange.ts';
import { keepAliveMs, type ModelCatalog, modelNotFoundMessage } from './models.ts';
import {
  type ChatFinal,
  type ChatLoadResponse,
  type GenerateLoadResponse,
  type ChatMessage,
  ChatLoadResponseSchema,
  type ChatRequest,
  ChatRequestSchema,
  ChatResponseSchema,
  ChatStreamLineSchema,
  GenerateLoadResponseSchema,
  GenerateRequestSchema,
  GenerateResponseSchema,
  GenerateStreamLineSchema,
  type ToolCall,
} from './schemas.ts';
import { type ChatReply, replyTokens, tokenize } from './script.ts';

export interface GenerationDeps {
  catalog: ModelCatalog;
  nextReply(request: ChatRequest, path: string): ChatReply;
  nextToolCallId(): string;
}

/** One unit of model output, i.e. one streamed line: a thinking token, a content token, or the tool calls. */
type Piece = { thinking: string } | { content: string } | { toolCalls: ToolCall[] };

type Output = { pieces: Piece[]; doneReason: string; promptCount: number };

function render(reply: ChatReply, request: ChatRequest, deps: GenerationDeps): Output {
  // Ollama only separates thinking when asked to, and only parses tool calls when the request offers tools.
  const thinking = request.think ? tokenize(reply.thinking ?? '').map((t) => ({ thinking: t })) : [];
  const content = replyTokens(reply).map((t) => ({ content: t }));
  const calls = (request.tools?.length ?? 0) > 0 ? (reply.toolCalls ?? []) : [];
  const toolCalls = calls.map((call, index) => ({
    id: deps.nextToolCallId(),
    function: { index, name: call.name, arguments: call.arguments },
  }));
  return {
    pieces: [...thinking, ...content, ...(toolCalls.length > 0 ? [{ toolCalls }] : [])],
    doneReason: reply.doneReason ?? 'stop',
    promptCount: promptTokenCount(request.messages ?? []),
  };
}

function promptTokenCount(messages: readonly ChatMessage[]): number {
  // Roughly what a chat template adds per message, so counts look like a real model's.
  return messages.reduce((n, m) => n + tokenize(m.content ?? '').length + 4, 0);
}

const nowIso = () => new Date().toISOString();

/** Durations from the real wall clock, split the way Ollama reports them. */
function metrics(ex: Exchange, firstTokenNs: bigint | undefined, output: Output) {
  const now = process.hrtime.bigint();
  const beforeFirst = Number((firstTokenNs ?? now) - ex.startedNs);
  const load = Math.max(1, Math.round(beforeFirst / 2));
  return {
    total_duration: Math.max(2, Number(now - ex.startedNs)),
    load_duration: load,
    prompt_eval_count: output.promptCount,
    prompt_eval_duration: Math.max(1, beforeFirst - load),
    eval_count: Math.max(1, output.pieces.length),
    eval_duration: Math.max(1, Number(now - (firstTokenNs ?? now))),
  };
}

function parseRequest<S extends z.ZodType>(ex: Exchange, schema: S): z.output<S> | undefined {
  if (ex.body === undefined) return void sendError(ex, 400, 'missing request body');
  const parsed = schema.safeParse(ex.body);
  if (!parsed.success) return void sendError(ex, 400, z.prettifyError(parsed.error));
  return parsed.data;
}

/** Checks both routes share; false once an error answer went out. */
function modelUsable(ex: Exchange, deps: GenerationDeps, model: string, verb: 'chat' | 'generate'): boolean {
  if (model === '') sendError(ex, 400, 'model is required');
  else if (!deps.catalog.isInstalled(model)) sendError(ex, 404, modelNotFoundMessage(ex.path, model));
  else if (deps.catalog.isEmbeddingOnly(model)) sendError(ex, 400, `${JSON.stringify(model)} does not support ${verb}`);
  else return true;
  return false;
}

function chatMessage(piece: Piece) {
  if ('thinking' in piece) return { role: 'assistant' as const, content: '', thinking: piece.thinking };
  if ('content' in piece) return { role: 'assistant' as const, content: piece.content };
  return { role: 'assistant' as const, content: '', tool_calls: piece.toolCalls };
}

function joined(pieces: readonly Piece[], key: 'thinking' | 'content'): string {
  return pieces.map((p) => (key === 'thinking' ? ('thinking' in p ? p.thinking : '') : 'content' in p ? p.content : '')).join('');
}

export async function handleChat(ex: Exchange, deps: GenerationDeps): Promise<void> {
  const request = parseRequest(ex, ChatRequestSchema);
  if (!request || !modelUsable(ex, deps, request.model, 'chat')) return;
  const { model } = request;
  deps.catalog.touch(model, request.keep_alive);

  if ((request.messages ?? []).length === 0) {
    const doneReason = keepAliveMs(request.keep_alive) <= 0 ? 'unload' : 'load';
    return sendJsonWithFaults(ex, ChatLoadResponseSchema, (): ChatLoadResponse => ({
      model,
      created_at: nowIso(),
      message: { role: 'assistant', content: '' },
      done: true,
      done_reason: doneReason,
    }));
  }

  const output = render(deps.nextReply(request, ex.path), request, deps);
  const final = (firstTokenNs: bigint | undefined, message: ChatFinal['message']): ChatFinal => ({
    model,
    created_at: nowIso(),
    message,
    done: true as const,
    done_reason: output.doneReason,
    ...metrics(ex, firstTokenNs, output),
  });

  if (request.stream === false) {
    const thinking = joined(output.pieces, 'thinking');
    const toolCalls = output.pieces.flatMap((p) => ('toolCalls' in p ? p.toolCalls : []));
    const message = {
      role: 'assistant' as const,
      content: joined(output.pieces, 'content'),
      ...(thinking ? { thinking } : {}),
      ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
    };
    const startedNs = process.hrtime.bigint();
    return sendJsonWithFaults(ex, ChatResponseSchema, () => final(startedNs, message), output.pieces.length);
  }

  let firstTokenNs: bigint | undefined;
  const chunks = output.pieces.map((piece) => () => {
    firstTokenNs ??= process.hrtime.bigint();
    return { model, created_at: nowIso(), message: chatMessage(piece), done: false };
  });
  return streamNdjson(ex, ChatStreamLineSchema, chunks, () => final(firstTokenNs, { role: 'assistant', content: '' }));
}

/** Ollama renders `system` + `prompt` through the chat template, so the script sees them as chat messages. */
function asChat(request: z.output<typeof GenerateRequestSchema>): ChatRequest {
  const messages: ChatMessage[] = [
    ...(request.system ? [{ role: 'system' as const, content: request.system }] : []),
    { role: 'user', content: request.prompt ?? '' },
  ];
  return { model: request.model, messages, stream: request.stream, options: request.options, keep_alive: request.keep_alive, think: request.think, format: request.format };
}

export async function handleGenerate(ex: Exchange, deps: GenerationDeps): Promise<void> {
  const request = parseRequest(ex, GenerateRequestSchema);
  if (!request || !modelUsable(ex, deps, request.model, 'generate')) return;
  const { model } = request;
  deps.catalog.touch(model, request.keep_alive);

  if (!request.prompt && !request.system && !request.template) {
    const unload = keepAliveMs(request.keep_alive) <= 0;
    return sendJsonWithFaults(ex, GenerateLoadResponseSchema, (): GenerateLoadResponse => ({
      model,
      created_at: nowIso(),
      response: '',
      done: true,
      ...(unload ? { done_reason: 'unload' as const } : {}),
    }));
  }

  const chat = asChat(request);
  const output = render(deps.nextReply(chat, ex.path), chat, deps);
  const final = (firstTokenNs: bigint | undefined, response: string, thinking: string) => ({
    model,
    created_at: nowIso(),
    response,
    ...(thinking ? { thinking } : {}),
    done: true as const,
    done_reason: output.doneReason,
    ...metrics(ex, firstTokenNs, output),
  });

  if (request.stream === false) {
    const startedNs = process.hrtime.bigint();
    const body = () => final(startedNs, joined(output.pieces, 'content'), joined(output.pieces, 'thinking'));
    return sendJsonWithFaults(ex, GenerateResponseSchema, body, output.pieces.length);
  }

  let firstTokenNs: bigint | undefined;
  const chunks = output.pieces.map((piece) => () => {
    firstTokenNs ??= process.hrtime.bigint();
    const thinking = 'thinking' in piece ? { thinking: piece.thinking } : {};
    return { model, created_at: nowIso(), response: 'content' in piece ? piece.content : '', ...thinking, done: false };
  });
  return streamNdjson(ex, GenerateStreamLineSchema, chunks, () => final(firstTokenNs, '', ''));
}
