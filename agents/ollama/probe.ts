// Probes the Ollama hosts with the ollama client: which answer, which models they hold. State lives in the returned object.
import { Ollama } from 'ollama/browser';
import { OllamaEmbeddings } from '@langchain/ollama';
import type { Embedder } from '../retrieval/ingest.ts';

export type HostStatus = { host: string; ok: boolean; models: string[]; version?: string; error?: string; checkedAt: number };
export type LlmMode = 'ollama' | 'offline';

export type OllamaProbe = {
  probe(): Promise<HostStatus[]>;
  statuses(): HostStatus[];
  mode(): LlmMode;
  /** Embeddings on a healthy host holding the embedding model, or null. */
  embedder(): Embedder | null;
  /** A healthy host holding the chat model, or null (offline mode). */
  chatHost(): string | null;
  /** Configured models that no reachable host holds (empty when no host answers at all). */
  missingModels(): string[];
};

export type ProbeOptions = {
  hosts: string[];
  chatModel: string;
  embedModel: string;
  forceOffline?: boolean;
  timeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
};

// Ollama names models "name:tag"; "bge-m3" means "bge-m3:latest".
export const sameModel = (a: string, b: string) => (a.includes(':') ? a : `${a}:latest`) === (b.includes(':') ? b : `${b}:latest`);

export function createOllamaProbe({ hosts, chatModel, embedModel, forceOffline = false, timeoutMs = 2000, fetch: fetchImpl = fetch, now = Date.now }: ProbeOptions): OllamaProbe {
  let current: HostStatus[] = hosts.map((host) => ({ host, ok: false, models: [], checkedAt: 0 }));

  async function probeHost(host: string): Promise<HostStatus> {
    const client = new Ollama({ host, fetch: (input, init) => fetchImpl(input, { ...init, signal: AbortSignal.timeout(timeoutMs) }) });
    try {
      const [{ version }, { models }] = await Promise.all([client.version(), client.list()]);
      return { host, ok: true, version, models: models.map((m) => m.name), checkedAt: now() };
    } catch (error) {
      return { host, ok: false, models: [], error: error instanceof Error ? error.message : String(error), checkedAt: now() };
    }
  }

  const holding = (model: string) => current.find((status) => status.ok && status.models.some((name) => sameModel(name, model)));

  return {
    async probe() {
      if (forceOffline) return current;
      current = await Promise.all(hosts.map(probeHost));
      return current;
    },
    missingModels: () => (forceOffline || !current.some((s) => s.ok) ? [] : [chatModel, embedModel].filter((model) => !holding(model))),
    statuses: () => current,
    mode: () => (!forceOffline && holding(chatModel) ? 'ollama' : 'offline'),
    chatHost: () => (forceOffline ? null : (holding(chatModel)?.host ?? null)),
    embedder() {
      const host = holding(embedModel);
      if (!host) return null;
      // One retry at most: a search must degrade to lexical quickly rather than wait through backoff.
      return { model: embedModel, embeddings: new OllamaEmbeddings({ model: embedModel, baseUrl: host.host, fetch: fetchImpl, maxRetries: 1 }) };
    },
  };
}
