// A lead webhook receiver on 127.0.0.1, as Luxinnovation would run one: verifies X-Signature (with node:crypto, not
// the app's code), processes each Idempotency-Key once, and injects faults: 500s, timeouts before processing, and
// timeouts after processing (the sender never learns it succeeded), for a while, then recovers.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export type Fault = 'ok' | 'http500' | 'timeout' | 'timeout_after_processing';

export type ReceivedEvent = { key: string; event: string; leadId: string; version: number; body: Record<string, unknown>; at: number };

export type ReceiverOptions = {
  secret: string;
  /** The fault for wire request number n (0-based, valid signatures only); 'ok' by default. */
  faults?: (n: number) => Fault;
  /** Milliseconds each answer waits (to keep requests in flight). */
  delayMs?: number;
  toleranceSeconds?: number;
};

export async function startWebhookReceiver({ secret, faults = () => 'ok', delayMs = 0, toleranceSeconds = 300 }: ReceiverOptions) {
  const stats = {
    wirePosts: 0,
    badSignatures: 0,
    missingKeys: 0,
    faultsInjected: { http500: 0, timeout: 0, timeout_after_processing: 0 },
    duplicatesSuppressed: 0,
    /** Times a request arrived while another with the same key was still open: must stay 0 with leases. */
    overlaps: 0,
  };
  const processed = new Map<string, ReceivedEvent>();
  const open = new Map<string, number>();
  const sockets = new Set<Socket>();
  const listeners: ((key: string) => void)[] = [];
  let validSeen = 0;

  // A header may carry several v1= signatures (one per secret while the sender rotates): one matching is enough.
  const verify = (header: string | undefined, raw: string) => {
    const parts = (header ?? '').split(',').map((p) => p.trim().split('=', 2) as [string, string | undefined]);
    const t = Number(parts.find(([key]) => key === 't')?.[1]);
    const signatures = parts.filter(([key, value]) => key === 'v1' && value).map(([, value]) => Buffer.from(value!, 'hex'));
    if (!Number.isInteger(t) || signatures.length === 0 || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
    const expected = createHmac('sha256', secret).update(`${t}.${raw}`).digest();
    return signatures.some((given) => given.length === expected.length && timingSafeEqual(given, expected));
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    stats.wirePosts++;
    if (req.method !== 'POST') return void res.writeHead(405).end();
    if (!verify(req.headers['x-signature'] as string | undefined, raw)) {
      stats.badSignatures++;
      return void res.writeHead(401).end('bad signature');
    }
    const key = req.headers['idempotency-key'] as string | undefined;
    if (!key) {
      stats.missingKeys++;
      return void res.writeHead(400).end('no key');
    }
    open.set(key, (open.get(key) ?? 0) + 1);
    if (open.get(key)! > 1) stats.overlaps++;
    let closed = false;
    res.once('close', () => {
      if (!closed) open.set(key, open.get(key)! - 1);
      closed = true;
    });
    for (const listener of listeners) listener(key);
    const fault = faults(validSeen++);
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (fault === 'http500') {
      stats.faultsInjected.http500++;
      return void res.writeHead(500).end('{"error":"down"}');
    }
    if (fault === 'timeout') {
      stats.faultsInjected.timeout++;
      return; // never answers; the sender gives up
    }
    if (processed.has(key)) {
      stats.duplicatesSuppressed++;
    } else {
      const body = JSON.parse(raw) as { event: string; lead: { id: string; version: number } };
      processed.set(key, { key, event: body.event, leadId: body.lead.id, version: body.lead.version, body, at: Date.now() });
    }
    if (fault === 'timeout_after_processing') {
      stats.faultsInjected.timeout_after_processing++;
      return; // processed, but the answer never comes
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  }

  const server = createServer((req, res) => void handle(req, res).catch(() => res.writeHead(500).end()));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };

  return {
    url: `http://127.0.0.1:${port}/hooks/leads`,
    stats,
    processed,
    /** Distinct leads the receiver has processed at least one event for. */
    distinctLeads: () => new Set([...processed.values()].map((e) => e.leadId)).size,
    inFlight: () => [...open.values()].reduce((sum, n) => sum + n, 0),
    onRequest: (listener: (key: string) => void) => listeners.push(listener),
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

/** Waits until `check` holds, polling; throws with `what` after `timeoutMs`. */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000, everyMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
