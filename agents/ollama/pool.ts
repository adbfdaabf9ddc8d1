// The Ollama host pool: probes with the ollama client, routes to the least busy healthy host, and keeps a circuit
// breaker per host (breaker.ts) fed with every call's outcome. State lives in the pool.
import { Ollama } from 'ollama/browser';
import { OllamaEmbeddings } from '@langchain/ollama';
import type { Embedder } from '../retrieval/ingest.ts';
import { admission, admit, type Breaker, CLOSED, DEFAULT_BREAKER_POLICY, record } from './breaker.ts';

export type HostStatus = {
  host: string;
  ok: boolean;
  models: string[];
  loaded: string[];
  version?: string;
  error?: string;
  checkedAt: number;
  inFlight: number;
  /** Whether calls reach the host: its recent outcomes while closed, its trial schedule while open. */
  breaker: Breaker;
};
/** What /healthz reports: whether an Ollama host serves the chat model. */
export type LlmMode = 'ollama' | 'offline';

/** The mode of an answer (the chat API's `mode`) when the pool is in `mode`. */
export const answerMode = (mode: LlmMode): 'llm' | 'offline' => (mode === 'ollama' ? 'llm' : 'offline');

/**
 * A host chosen for one model call; release it with the outcome so the pool can count it. `warm`: the model was in
 * the host's memory at the last probe or call, so the host has no model to load before it answers.
 */
export type HostLease = { host: string; fetch: typeof fetch; warm: boolean; release(outcome: 'ok' | 'failed'): void };

export type HostPool = {
  probe(): Promise<HostStatus[]>;
  statuses(): HostStatus[];
  mode(): LlmMode;
  /**
   * Embeddings on a healthy host holding the embedding model, or null. With `deadlineMs`, every call through them gives
   * up once that long has passed since this call (a turn's query vectors: its search then stays lexical); ingestion's
   * batches have none.
   */
  embedder(deadlineMs?: number): Embedder | null;
  /** The least busy healthy host holding the model whose breaker lets a call through, skipping `exclude`; null when none. */
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
  /**
   * How long a host shut out by its errors waits for its first trial call; each failed trial doubles the wait, up
   * to 30 s. 0 retries at once (one trial at a time).
   */
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
  cooldownMs = DEFAULT_BREAKER_POLICY.backoffMs,
  fetch: fetchImpl = (input, init) => fetch(input, init),
  now = Date.now,
}: PoolOptions): HostPool {
  const policy = { ...DEFAULT_BREAKER_POLICY, backoffMs: cooldownMs };
  const state = new Map<string, HostStatus>(
    hosts.map((host) => [host, { host, ok: false, models: [], loaded: [], checkedAt: 0, inFlight: 0, breaker: CLOSED }]),
  );
  const hostFetch = (host: string): typeof fetch => {
    const extra = headers[host] ?? headers[host.replace(/\/$/, '')];
    // Without headers of its own a host's calls go as the client makes them: merging through a Headers object cost
    // every model call some 0.05 ms in place (issue 15).
    if (!extra || Object.keys(extra).length === 0) return fetchImpl;
    return (input, init) => fetchImpl(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers).entries()), ...extra } });
  };

  async function probeHost(status: HostStatus): Promise<void> {
    const client = new Ollama({ host: status.host, fetch: (input, init) => hostFetch(status.host)(input, { ...init, signal: AbortSignal.timeout(probeTimeoutMs) }) });
    try {
      const [{ version }, { models }, ps] = await Promise.all([client.version(), client.list(), client.ps()]);
      Object.assign(status, { ok: true, version, models: models.map((m) => m.name), loaded: ps.models.map((m) => m.name), error: undefined });
    } catch (error) {
      Object.assign(status, { ok: false, models: [], loaded: [], error: error instanceof Error ? error.message : String(error) });
    }
    status.checkedAt = now();
  }

  const holds = (status: HostStatus, model: string) => status.ok && status.models.some((name) => sameModel(name, model));
  const available = (status: HostStatus, model: string) => holds(status, model) && admission(status.breaker, now(), policy) !== null;
  const warm = (status: HostStatus, model: string) => status.loaded.some((name) => sameModel(name, model));

  return {
    async probe() {
      // A probe answers whether a host is up and what it holds; only a call shows whether it answers, so a probe
      // neither shuts a host out nor lets it back (its breaker does).
      if (!forceOffline) await Promise.all([...state.values()].map(probeHost));
      return this.statuses();
    },
    statuses: () => [...state.values()].map((s) => ({ ...s })),
    mode: () => (!forceOffline && [...state.values()].some((s) => available(s, chatModel)) ? 'ollama' : 'offline'),
    embedder(deadlineMs) {
      // Embedding calls report no outcome, so they never take a shut-out host's trial.
      const host = forceOffline ? undefined : [...state.values()].find((s) => holds(s, embedModel) && s.breaker.state === 'closed');
      if (!host) return null;
      const onHost = hostFetch(host.host);
      if (deadlineMs === undefined) return { model: embedModel, embeddings: new OllamaEmbeddings({ model: embedModel, baseUrl: host.host, fetch: onHost, maxRetries: 1 }) };
      // One deadline for all calls: a host that never answers costs a turn `deadlineMs` once. No retry: LangChain's
      // waits a second's backoff first (a failing host cost every turn 1.5 s), and a turn's search is better lexical.
      const deadline = AbortSignal.timeout(deadlineMs);
      const fetch: typeof globalThis.fetch = (input, init) => onHost(input, { ...init, signal: deadline });
      return { model: embedModel, embeddings: new OllamaEmbeddings({ model: embedModel, baseUrl: host.host, fetch, maxRetries: 0 }) };
    },
    acquire(model, exclude = new Set()) {
      if (forceOffline) return null;
      const candidates = [...state.values()].filter((s) => available(s, model) && !exclude.has(s.host));
      // Least busy first; a host that already has the model in memory wins a tie (no load time). A shut-out host
      // whose trial is due is usually the least busy, so the trial goes out with the next call.
      candidates.sort((a, b) => a.inFlight - b.inFlight || Number(warm(b, model)) - Number(warm(a, model)));
      const chosen = candidates[0];
      if (!chosen) return null;
      const admitted = admit(chosen.breaker, now(), policy);
      chosen.breaker = admitted.breaker;
      chosen.inFlight++;
      let released = false;
      return {
        host: chosen.host,
        fetch: hostFetch(chosen.host),
        warm: warm(chosen, model),
        release(outcome) {
          if (released) return;
          released = true;
          chosen.inFlight--;
          chosen.breaker = record(chosen.breaker, admitted.ticket, outcome, now(), policy);
          // A call that went well has the model in memory now, whatever the last probe saw (a call the visitor
          // cancelled may not have; the next probe says).
          if (outcome === 'ok' && !warm(chosen, model)) chosen.loaded = [...chosen.loaded, model];
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
