// /api/embed: deterministic lexical embeddings for string or list input, with Ollama's `dimensions` truncation.
import { z } from 'zod';
import { embeddingTokens, embedText, normalise } from './embedding.ts';
import { type Exchange, sendError, sendJsonWithFaults } from './exchange.ts';
import { type ModelCatalog, modelNotFoundMessage } from './models.ts';
import { EmbedRequestSchema, EmbedResponseSchema } from './schemas.ts';

export interface EmbedDeps {
  catalog: ModelCatalog;
  dimensions: number;
}

export async function handleEmbed(ex: Exchange, deps: EmbedDeps): Promise<void> {
  if (ex.body === undefined) return sendError(ex, 400, 'missing request body');
  const parsed = EmbedRequestSchema.safeParse(ex.body);
  if (!parsed.success) return sendError(ex, 400, z.prettifyError(parsed.error));
  const request = parsed.data;
  if (request.model === '') return sendError(ex, 400, 'model is required');
  if (!deps.catalog.isInstalled(request.model)) return sendError(ex, 404, modelNotFoundMessage(ex.path, request.model));
  deps.catalog.touch(request.model, request.keep_alive);

  // Like Ollama: an empty string means no input at all, while "" inside a list is embedded.
  const inputs = typeof request.input === 'string' ? (request.input ? [request.input] : []) : (request.input ?? []);
  if (inputs.length === 0) return sendJsonWithFaults(ex, EmbedResponseSchema, () => ({ model: request.model, embeddings: [] }));

  const wanted = request.dimensions ?? 0;
  // Ollama truncates to `dimensions` and renormalises; a larger request keeps the model's own size.
  const shape = (v: number[]) => (wanted > 0 && wanted < v.length ? normalise(v.slice(0, wanted)) : v);
  const embeddings = inputs.map((text) => shape(embedText(text, deps.dimensions)));
  return sendJsonWithFaults(ex, EmbedResponseSchema, () => {
    const total = Math.max(2, Number(process.hrtime.bigint() - ex.startedNs));
    return {
      model: request.model,
      embeddings,
      total_duration: total,
      load_duration: Math.max(1, Math.round(total / 10)),
      prompt_eval_count: inputs.reduce((n, text) => n + embeddingTokens(text).length + 2, 0),
    };
  });
}
