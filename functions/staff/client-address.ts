// The client's address for login throttling. A direct public peer is taken as it is; behind a proxy on the loopback
// or a private network (or on workerd, which shows no peer), the last X-Forwarded-For entry — the one our own proxy
// added — is the client. A forged header can only dodge the per-client count, never the per-address one.
import type { Context } from 'hono';

type NodePeer = { incoming?: { socket?: { remoteAddress?: string } } };

const PRIVATE = /^(127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|::1$|f[cd][0-9a-f]{2}:|fe80:|::ffff:(127|10|192\.168)\.)/i;

export function clientAddress(c: Context): string {
  const peer = (c.env as NodePeer | undefined)?.incoming?.socket?.remoteAddress;
  if (peer && !PRIVATE.test(peer)) return peer;
  const forwarded = c.req.header('x-forwarded-for')?.split(',').map((part) => part.trim()).filter(Boolean).at(-1);
  return forwarded ?? c.req.header('x-real-ip') ?? peer ?? 'unknown';
}
