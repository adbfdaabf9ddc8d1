// The stand-in's installed and loaded models: Ollama's name rules, /api/tags and /api/ps entries, not-found messages.
import { createHash } from 'node:crypto';
import type { ModelDetails, PsResponse, TagsResponse } from './schemas.ts';

export const DEFAULT_MODELS = ['qwen3:8b', 'bge-m3'] as const;
/** Models that only embed: Ollama refuses chat and generate on them. */
export const DEFAULT_EMBEDDING_ONLY_MODELS = ['bge-m3'] as const;

const DEFAULT_KEEP_ALIVE_MS = 5 * 60_000;
// Ollama's "forever" (negative keep_alive) is Go's maximum duration from now: roughly 292 years.
const FOREVER_MS = 292 * 365 * 24 * 3600_000;

/** Ollama names without a tag mean `:latest`, and matching ignores case. */
export function canonicalModelName(name: string): string {
  const lastSegment = name.slice(name.lastIndexOf('/') + 1);
  return (lastSegment.includes(':') ? name : `${name}:latest`).toLowerCase();
}

/**
 * Real Ollama words a missing model differently per route: chat and generate say `model 'x' not found`,
 * embed goes through the scheduler and says `model "x" not found, try pulling it first` (server/routes.go).
 */
export function modelNotFoundMessage(path: string, model: string): string {
  return path === '/api/embed' ? `model ${JSON.stringify(model)} not found, try pulling it first` : `model '${model}' not found`;
}

export function displayName(name: string): string {
  const lastSegment = name.slice(name.lastIndexOf('/') + 1);
  return lastSegment.includes(':') ? name : `${name}:latest`;
}

function digestOf(name: string): string {
  return createHash('sha256').update(displayName(name)).digest('hex');
}

function detailsOf(name: string): ModelDetails {
  const base = displayName(name).split(':')[0]!.split('/').pop()!;
  const tag = displayName(name).split(':')[1] ?? '';
  // Real families come from the GGUF architecture; the base name is the closest thing a stand-in knows.
  const family = base;
  return {
    parent_model: '',
    format: 'gguf',
    family,
    families: [family],
    parameter_size: /^\d+(\.\d+)?[bm]$/i.test(tag) ? tag.toUpperCase() : 'unknown',
    quantization_level: 'Q4_K_M',
  };
}

/** A size that looks plausible and stays the same across runs. */
function sizeOf(name: string): number {
  return 500_000_000 + (Number.parseInt(digestOf(name).slice(0, 8), 16) % 5_000_000_000);
}

/** Go duration strings (`5m`, `1h30m`, `300ms`) or seconds as a number; negative means "keep forever". */
export function keepAliveMs(keepAlive: string | number | undefined): number {
  if (keepAlive === undefined) return DEFAULT_KEEP_ALIVE_MS;
  if (typeof keepAlive === 'number') return keepAlive < 0 ? FOREVER_MS : keepAlive * 1000;
  const unitMs: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3600_000 };
  const parts = [...keepAlive.matchAll(/(-?\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
  if (parts.length === 0) return /^-?\d+$/.test(keepAlive) ? keepAliveMs(Number(keepAlive)) : DEFAULT_KEEP_ALIVE_MS;
  const total = parts.reduce((sum, [, value, unit]) => sum + Number(value) * unitMs[unit!]!, 0);
  return keepAlive.startsWith('-') ? FOREVER_MS : total;
}

export type ModelCatalog = ReturnType<typeof createModelCatalog>;

export function createModelCatalog(installed: readonly string[], embeddingOnly: readonly string[], loaded: readonly string[]) {
  const startedAt = new Date().toISOString();
  const byCanonical = new Map(installed.map((name) => [canonicalModelName(name), displayName(name)]));
  const embeddingOnlySet = new Set(embeddingOnly.map(canonicalModelName));
  /** canonical name → expiry time (ms since epoch) */
  const running = new Map<string, number>();
  for (const name of loaded) {
    if (byCanonical.has(canonicalModelName(name))) running.set(canonicalModelName(name), Date.now() + DEFAULT_KEEP_ALIVE_MS);
  }

  return {
    isInstalled: (name: string) => byCanonical.has(canonicalModelName(name)),
    isEmbeddingOnly: (name: string) => embeddingOnlySet.has(canonicalModelName(name)),
    isLoaded: (name: string) => (running.get(canonicalModelName(name)) ?? 0) > Date.now(),

    /** A request loads the model for keep_alive; keep_alive 0 unloads it. */
    touch(name: string, keepAlive: string | number | undefined): void {
      const ms = keepAliveMs(keepAlive);
      if (ms <= 0) running.delete(canonicalModelName(name));
      else running.set(canonicalModelName(name), Date.now() + ms);
    },

    tags(): TagsResponse {
      return {
        models: [...byCanonical.values()].map((name) => ({
          name,
          model: name,
          modified_at: startedAt,
          size: sizeOf(name),
          digest: digestOf(name),
          details: detailsOf(name),
        })),
      };
    },

    ps(): PsResponse {
      const now = Date.now();
      return {
        models: [...running.entries()]
          .filter(([, expiresAt]) => expiresAt > now)
          // Ollama lists the longest remaining keep-alive first.
          .sort(([, a], [, b]) => b - a)
          .map(([canonical, expiresAt]) => {
            const name = byCanonical.get(canonical)!;
            return {
              name,
              model: name,
              size: sizeOf(name),
              digest: digestOf(name),
              details: detailsOf(name),
              expires_at: new Date(expiresAt).toISOString(),
              size_vram: sizeOf(name),
              context_length: 4096,
            };
          }),
      };
    },
  };
}
