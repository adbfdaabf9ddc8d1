// Zod schemas of the Ollama HTTP API (docs/api.md, docs/openapi.yaml, api/types.go): requests loose, responses strict.
import { z } from 'zod';

// Requests are loose objects because Ollama's Go decoder ignores unknown fields; responses are strict so the
// stand-in cannot drift into sending fields real Ollama never sends.

const Nanoseconds = z.number().int().nonnegative();
const Timestamp = z.iso.datetime({ offset: true });
const KeepAlive = z.union([z.string(), z.number()]);
const ModelOptions = z.record(z.string(), z.unknown());
const Think = z.union([z.boolean(), z.enum(['high', 'medium', 'low', 'max'])]);
const Format = z.union([z.string(), z.record(z.string(), z.unknown())]);
const JsonObject = z.record(z.string(), z.unknown());

/* ---------- shared pieces ---------- */

export const ToolDefinitionSchema = z.looseObject({
  type: z.literal('function'),
  function: z.looseObject({
    name: z.string().min(1),
    description: z.string().optional(),
    parameters: JsonObject.optional(),
  }),
});

/** A tool call as a client echoes it back in the history (clients add fields such as `type`). */
export const RequestToolCallSchema = z.looseObject({
  id: z.string().optional(),
  function: z.looseObject({ name: z.string().min(1), arguments: JsonObject }),
});

/** A tool call as Ollama emits it: arguments are a JSON object, never a string. */
export const ToolCallSchema = z.strictObject({
  id: z.string().min(1).optional(),
  function: z.strictObject({
    index: z.number().int().nonnegative().optional(),
    name: z.string().min(1),
    arguments: JsonObject,
  }),
});

export const ChatMessageSchema = z.looseObject({
  role: z.enum(['system', 'user', 'assistant', 'tool']),
  // Go decodes a missing content as "".
  content: z.string().optional(),
  thinking: z.string().optional(),
  images: z.array(z.string()).nullish(),
  tool_calls: z.array(RequestToolCallSchema).optional(),
  tool_name: z.string().optional(),
  tool_call_id: z.string().optional(),
});

const AssistantMessageSchema = z.strictObject({
  role: z.literal('assistant'),
  content: z.string(),
  thinking: z.string().optional(),
  tool_calls: z.array(ToolCallSchema).min(1).optional(),
  images: z.array(z.string()).optional(),
});

/** The statistics Ollama adds to the final object of a generation. */
const Metrics = {
  total_duration: Nanoseconds,
  load_duration: Nanoseconds,
  prompt_eval_count: z.number().int().nonnegative(),
  prompt_eval_duration: Nanoseconds,
  eval_count: z.number().int().nonnegative(),
  eval_duration: Nanoseconds,
};

export const ErrorResponseSchema = z.strictObject({ error: z.string().min(1) });

/* ---------- /api/chat ---------- */

export const ChatRequestSchema = z.looseObject({
  model: z.string(),
  // Optional: an empty or missing list only loads (or, with keep_alive 0, unloads) the model.
  messages: z.array(ChatMessageSchema).optional(),
  tools: z.array(ToolDefinitionSchema).nullish(),
  stream: z.boolean().optional(),
  format: Format.optional(),
  options: ModelOptions.nullish(),
  keep_alive: KeepAlive.optional(),
  think: Think.optional(),
  logprobs: z.boolean().optional(),
  top_logprobs: z.number().int().min(0).max(20).optional(),
});

/** One streamed NDJSON line before the last. */
export const ChatChunkSchema = z.strictObject({
  model: z.string().min(1),
  created_at: Timestamp,
  message: AssistantMessageSchema,
  done: z.literal(false),
});

/** The last streamed line, and the whole body when `stream: false`. */
export const ChatFinalSchema = z.strictObject({
  model: z.string().min(1),
  created_at: Timestamp,
  message: AssistantMessageSchema,
  done: z.literal(true),
  done_reason: z.string().min(1),
  ...Metrics,
});

export const ChatStreamLineSchema = z.discriminatedUnion('done', [ChatChunkSchema, ChatFinalSchema]);
export const ChatResponseSchema = ChatFinalSchema;

/** Answer to a chat request without messages: the model is loaded or unloaded, nothing is generated. */
export const ChatLoadResponseSchema = z.strictObject({
  model: z.string().min(1),
  created_at: Timestamp,
  message: z.strictObject({ role: z.literal('assistant'), content: z.literal('') }),
  done: z.literal(true),
  done_reason: z.enum(['load', 'unload']),
});

/* ---------- /api/generate (minimal) ---------- */

export const GenerateRequestSchema = z.looseObject({
  model: z.string(),
  prompt: z.string().optional(),
  suffix: z.string().optional(),
  system: z.string().optional(),
  template: z.string().optional(),
  context: z.array(z.number().int()).optional(),
  images: z.array(z.string()).nullish(),
  raw: z.boolean().optional(),
  stream: z.boolean().optional(),
  format: Format.optional(),
  options: ModelOptions.nullish(),
  keep_alive: KeepAlive.optional(),
  think: Think.optional(),
});

export const GenerateChunkSchema = z.strictObject({
  model: z.string().min(1),
  created_at: Timestamp,
  response: z.string(),
  thinking: z.string().optional(),
  done: z.literal(false),
});

export const GenerateFinalSchema = z.strictObject({
  model: z.string().min(1),
  created_at: Timestamp,
  response: z.string(),
  thinking: z.string().optional(),
  done: z.literal(true),
  done_reason: z.string().min(1),
  context: z.array(z.number().int()).optional(),
  ...Metrics,
});

export const GenerateStreamLineSchema = z.discriminatedUnion('done', [GenerateChunkSchema, GenerateFinalSchema]);
export const GenerateResponseSchema = GenerateFinalSchema;

export const GenerateLoadResponseSchema = z.strictObject({
  model: z.string().min(1),
  created_at: Timestamp,
  response: z.literal(''),
  done: z.literal(true),
  done_reason: z.enum(['load', 'unload']).optional(),
});

/* ---------- /api/embed ---------- */

export const EmbedRequestSchema = z.looseObject({
  model: z.string(),
  // Go treats a missing input like an empty one: no embeddings, no error.
  input: z.union([z.string(), z.array(z.string())]).optional(),
  truncate: z.boolean().optional(),
  options: ModelOptions.nullish(),
  keep_alive: KeepAlive.optional(),
  dimensions: z.number().int().nonnegative().optional(),
});

const Vectors = z
  .array(z.array(z.number().refine(Number.isFinite, 'embedding values must be finite')).min(1))
  .refine((vs) => vs.every((v) => v.length === vs[0]?.length), 'all embeddings must have the same dimension');

export const EmbedResponseSchema = z.union([
  z.strictObject({
    model: z.string().min(1),
    embeddings: Vectors.refine((vs) => vs.length > 0),
    total_duration: Nanoseconds,
    load_duration: Nanoseconds,
    prompt_eval_count: z.number().int().nonnegative(),
  }),
  // Empty input: Ollama answers with no vectors and (Go omitempty) no statistics.
  z.strictObject({ model: z.string().min(1), embeddings: z.array(z.never()).length(0) }),
]);

/* ---------- /api/tags, /api/ps, /api/version ---------- */

export const ModelDetailsSchema = z.strictObject({
  parent_model: z.string(),
  format: z.string(),
  family: z.string(),
  families: z.array(z.string()).nullable(),
  parameter_size: z.string(),
  quantization_level: z.string(),
});

const Digest = z.string().regex(/^[0-9a-f]{64}$/, 'digest must be 64 hex characters');

export const TagsResponseSchema = z.strictObject({
  models: z.array(
    z.strictObject({
      name: z.string().min(1),
      model: z.string().min(1),
      modified_at: Timestamp,
      size: z.number().int().nonnegative(),
      digest: Digest,
      details: ModelDetailsSchema,
    }),
  ),
});

export const PsResponseSchema = z.strictObject({
  models: z.array(
    z.strictObject({
      name: z.string().min(1),
      model: z.string().min(1),
      size: z.number().int().nonnegative(),
      digest: Digest,
      details: ModelDetailsSchema,
      expires_at: Timestamp,
      size_vram: z.number().int().nonnegative(),
      context_length: z.number().int().positive().optional(),
    }),
  ),
});

export const VersionResponseSchema = z.strictObject({ version: z.string().min(1) });

/* ---------- inferred types ---------- */

export type ToolDefinition = z.infer<typeof ToolDefinitionSchema>;
export type ToolCall = z.infer<typeof ToolCallSchema>;
export type ChatMessage = z.infer<typeof ChatMessageSchema>;
export type ChatRequest = z.infer<typeof ChatRequestSchema>;
export type ChatChunk = z.infer<typeof ChatChunkSchema>;
export type ChatFinal = z.infer<typeof ChatFinalSchema>;
export type ChatStreamLine = z.infer<typeof ChatStreamLineSchema>;
export type ChatResponse = z.infer<typeof ChatResponseSchema>;
export type ChatLoadResponse = z.infer<typeof ChatLoadResponseSchema>;
export type GenerateRequest = z.infer<typeof GenerateRequestSchema>;
export type GenerateChunk = z.infer<typeof GenerateChunkSchema>;
export type GenerateFinal = z.infer<typeof GenerateFinalSchema>;
export type GenerateStreamLine = z.infer<typeof GenerateStreamLineSchema>;
export type GenerateResponse = z.infer<typeof GenerateResponseSchema>;
export type GenerateLoadResponse = z.infer<typeof GenerateLoadResponseSchema>;
export type EmbedRequest = z.infer<typeof EmbedRequestSchema>;
export type EmbedResponse = z.infer<typeof EmbedResponseSchema>;
export type ModelDetails = z.infer<typeof ModelDetailsSchema>;
export type TagsResponse = z.infer<typeof TagsResponseSchema>;
export type PsResponse = z.infer<typeof PsResponseSchema>;
export type VersionResponse = z.infer<typeof VersionResponseSchema>;
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
