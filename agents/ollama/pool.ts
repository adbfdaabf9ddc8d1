// The Ollama host pool: probes with the ollama client, routes to the least busy healthy host, cools off failing
// hosts (circuit breaker) and lets a cooled host back in only after one successful probe. State lives in the pool.
import { Ollama } from 'ollama/browser';
import { OllamaEmbeddings } from '@langchain/ollama';
import type { Embedder } from '../retrieval/ingest.ts';

export type HostStatus = {
  host: string;
  ok: boolean;
  models: string[];
  loaded: string[];
  version?: string;
  error?: string;
  checkedAt: number;
  inFlight: number;
  coolingUntil: number;
  failures: number;
};
/** What /healthz reports: whether an Ollama host serves the chat model. */
export type LlmMode = 'ollama' | 'offline';

/** The mode of an answer (the chat API's `mode`) when the pool is in `mode`. */
export const answerMode = (mode: LlmMode): 'llm' | 'offline' => (mode === 'ollama' ? 'llm' : 'offline');

/** A host chosen for one model call; release it with the outcome so the pool can count and cool it. */
export type HostLease = { host: string; fetch: typeof fetch; release(outcome: 'ok' | 'failed'): void };

export type HostPool = {
  probe(): Promise<HostStatus[]>;
  statuses(): HostStatus[];
  mode(): LlmMode;
  /** Embeddings on a healthy host holding the embedding model, or null. */
  embedder(): Embedder | null;
  /** The least busy healthy host holding the model, skipping `exclude`; null when none. */
  acquire(model: string, exclude?: ReadonlySet<string>): HostLease | null;
  /** Configured models that no reachable host holds (empty when no host answers at all). */
  missingModels(): string[];
};

export type PoolOptions = {
  hosts: string[];
  chatModel: string;
  embedModel: string;
  forceOffline?: boolean;
  /** Extra headers per host, for an authenticating proxy in front of Ollama. */
  headers?: Record<string, Record<string, string>>;
  probeTimeoutMs?: number;
  /** How long a host that failed is left alone before it gets one probe. */
  cooldownMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
};

// Ollama names models "name:tag"; "bge-m3" means "bge-m3:latest".
export const sameModel = (a: string, b: string) => (a.includes(':') ? a : `${a}:latest`) === (b.includes(':') ? b : `${b}:latest`);

export function createHostPool({
  hosts,
  chatModel,
  embedModel,
  forceOffline = false,
  headers = {},
  probeTimeoutMs = 2000,
  cooldownMs = 30_000,
  fetch: fetchImpl = (input, init) => fetch(input, init),
  now = Date.now,
}: PoolOptions): HostPool {
  const state = new Map<string, HostStatus>(
    hosts.map((host) => [host, { host, ok: false, models: [], loaded: [], checkedAt: 0, inFlight: 0, coolingUntil: 0, failures: 0 }]),
  );
  const hostFetch = (host: string): typeof fetch => {
    const extra = headers[host] ?? headers[host.replace(/\/$/, '')] ?? {};
    return (input, init) => fetchImpl(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers).entries()), ...extra } });
  };

  async function probeHost(status: HostStatus): Promise<void> {
    const client = new Ollama({ host: status.host, fetch: (input, init) => hostFetch(status.host)(input, { ...init, signal: AbortSignal.timeout(probeTimeoutMs) }) });
    try {
      const [{ version }, { models }, ps] = await Promise.all([client.version(), client.list(), client.ps()]);
      Object.assign(status, { ok: true, version, models: models.map((m) => m.name), loaded: ps.models.map((m) => m.name), error: undefined, failures: 0, coolingUntil: 0 });
    } catch (error) {
      Object.assign(status, { ok: false, models: [], loaded: [], error: error instanceof Error ? error.message : String(error), coolingUntil: now() + cooldownMs });
    }
    status.checkedAt = now();
  }

  const holds = (status: HostStatus, model: string) => status.ok && status.models.some((name) => sameModel(name, model));
  const available = (status: HostStatus, model: string) => holds(status, model) && status.coolingUntil <= now();

  return {
    async probe() {
      // A cooling host is skipped until its cooldown ends; then this probe is its one chance to come back.
      if (!forceOffline) await Promise.all([...state.values()].filter((s) => s.coolingUntil <= now()).map(probeHost));
      return this.statuses();
    },
    statuses: () => [...state.values()].map((s) => ({ ...s })),
    mode: () => (!forceOffline && [...state.values()].some((s) => available(s, chatModel)) ? 'ollama' : 'offline'),
    embedder() {
      const host = forceOffline ? undefined : [...state.values()].find((s) => available(s, embedModel));
      if (!host) return null;
      // One retry at most: a search must degrade to lexical quickly rather than wait through backoff.
      return { model: embedModel, embeddings: new OllamaEmbeddings({ model: embedModel, baseUrl: host.host, fetch: hostFetch(host.host), maxRetries: 1 }) };
    },
    acquire(model, exclude = new Set()) {
      if (forceOffline) return null;
      const candidates = [...state.values()].filter((s) => available(s, model) && !exclude.has(s.host));
      // Least busy first; a host that already has the model in memory wins a tie (no load time).
      candidates.sort((a, b) => a.inFlight - b.inFlight || Number(b.loaded.some((m) => sameModel(m, model))) - Number(a.loaded.some((m) => sameModel(m, model))));
      const chosen = candidates[0];
      if (!chosen) return null;
      chosen.inFlight++;
      let released = false;
      return {
        host: chosen.host,
        fetch: hostFetch(chosen.host),
        release(outcome) {
          if (released) return;
          released = true;
          chosen.inFlight--;
          if (outcome === 'failed') {
            chosen.failures++;
            chosen.coolingUntil = now() + cooldownMs;
            chosen.ok = false;
          }
        },
      };
    },
    missingModels: () => {
      const reachable = [...state.values()].filter((s) => s.ok);
      if (forceOffline || reachable.length === 0) return [];
      return [chatModel, embedModel].filter((model) => !reachable.some((s) => holds(s, model)));
    },
  };
}
