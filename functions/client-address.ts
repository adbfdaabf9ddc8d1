// The client's address, for rate limits and login throttling. X-Forwarded-For is believed only from a proxy in
// TRUSTED_PROXIES: walking it from the right, the first address that is not one of our proxies is the client.
// Anything a client writes into the header left of that is ignored, so a forged header cannot pick a new identity.
import type { Context } from 'hono';
import ipaddr from 'ipaddr.js';

export type TrustedProxies = readonly [ipaddr.IPv4 | ipaddr.IPv6, number][];

/** Parses CIDRs ("10.0.0.0/8", "::1/128") or single addresses; throws on anything else. */
export function parseTrustedProxies(list: readonly string[]): TrustedProxies {
  return list.map((entry) => (entry.includes('/') ? ipaddr.parseCIDR(entry) : ([ipaddr.parse(entry), ipaddr.parse(entry).kind() === 'ipv4' ? 32 : 128] as [ipaddr.IPv4 | ipaddr.IPv6, number])));
}

const parsed = (address: string) => {
  try {
    // IPv4-mapped IPv6 (::ffff:10.0.0.1) is compared as IPv4.
    return ipaddr.process(address.trim());
  } catch {
    return null;
  }
};

export function isTrusted(address: string, trusted: TrustedProxies): boolean {
  const ip = parsed(address);
  return ip !== null && trusted.some(([range, bits]) => ip.kind() === range.kind() && ip.match(range, bits));
}

type NodePeer = { incoming?: { socket?: { remoteAddress?: string } } };

/**
 * The client's address. On Node the TCP peer, unless it is a trusted proxy; on workerd, which shows no peer, the
 * server is taken to sit behind the proxies TRUSTED_PROXIES names (none named: the header is not believed).
 */
export function clientAddress(c: Context, trusted: TrustedProxies): string {
  const peer = (c.env as NodePeer | undefined)?.incoming?.socket?.remoteAddress;
  const fromProxy = peer ? isTrusted(peer, trusted) : trusted.length > 0;
  if (!fromProxy) return peer ?? 'unknown';
  const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map((part) => part.trim()).filter(Boolean);
  for (let i = forwarded.length - 1; i >= 0; i--) {
    const hop = forwarded[i]!;
    if (parsed(hop) === null) break;
    if (!isTrusted(hop, trusted)) return parsed(hop)!.toString();
  }
  return peer ?? 'unknown';
}
