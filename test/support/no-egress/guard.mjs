// No egress during tests: every TCP/TLS connection and DNS query a Node process starts must stay on this machine.
// Loaded by the vitest setup in each test worker and, through NODE_OPTIONS, by every Node process the tests spawn,
// so it is plain JavaScript (a child has no TypeScript loader yet when --import runs).
//
// A refused connection fails the way an unreachable network does (an 'error' event, a rejected fetch), because app
// code is allowed to handle that; the attempt is also recorded (record.mjs), and the test fails on the record, not on
// whether the app swallowed the error. Node's fetch (undici) connects through net.Socket, so the socket patch covers it.
import { randomUUID } from 'node:crypto';
import dns from 'node:dns';
import { rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordViolation, state } from './record.mjs';

/** 127.0.0.0/8, ::1 (also IPv4-mapped and bracketed) and localhost: the only destinations a test may use. */
export function isLoopback(host) {
  const name = String(host).toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (name === 'localhost' || name === '::1') return true;
  const v4 = name.replace(/^::ffff:/, '');
  return net.isIPv4(v4) && v4.startsWith('127.');
}

/** Every Node process spawned from here on (with this process's environment) loads the guard and reports here. */
export function guardChildren() {
  if (state.reportFile) return;
  state.reportFile = join(tmpdir(), `aif-no-egress-${process.pid}-${randomUUID()}.jsonl`);
  process.once('exit', () => rmSync(state.reportFile, { force: true }));
  process.env.NO_EGRESS_REPORT = state.reportFile;
  const flag = `--import ${import.meta.url}`; // a file: URL, so no quoting even when the path has spaces
  if (!process.env.NODE_OPTIONS?.includes(flag)) process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} ${flag}`.trim();
}

/** socket.connect(options | [options, cb] | path | port, host?): where it goes, or null for a Unix socket. */
function destinationOf(args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0]; // net.connect passes its normalized [options, cb]
  if (first !== null && typeof first === 'object') {
    return first.path ? null : `${first.host || 'localhost'}:${first.port}`; // net's own default for no host
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return null;
  return `${typeof args[1] === 'string' ? args[1] : 'localhost'}:${first}`;
}

const hostOf = (destination) => destination.slice(0, destination.lastIndexOf(':'));

/** Replaces `owner[key]` with `wrapper(original)`, keeping the original's symbol properties (util.promisify's). */
function wrap(owner, key, wrapper) {
  const original = owner[key];
  if (typeof original !== 'function') return;
  const replacement = wrapper(original);
  for (const symbol of Object.getOwnPropertySymbols(original)) {
    Object.defineProperty(replacement, symbol, Object.getOwnPropertyDescriptor(original, symbol));
  }
  owner[key] = replacement;
}

function install() {
  wrap(net.Socket.prototype, 'connect', (connect) => function guardedConnect(...args) {
    const destination = destinationOf(args);
    if (destination === null || isLoopback(hostOf(destination))) return connect.apply(this, args);
    const error = recordViolation(destination, 'a connection');
    process.nextTick(() => this.destroy(error));
    return this;
  });

  // A lookup is itself a packet to the resolver. Callback APIs fail through their callback, promise APIs reject.
  const callbackStyle = (name) => (original) => function guardedLookup(hostname, ...rest) {
    if (isLoopback(hostname) || net.isIP(hostname)) return original.call(this, hostname, ...rest);
    const error = recordViolation(hostname, `dns.${name}`);
    const callback = rest.findLast((arg) => typeof arg === 'function');
    process.nextTick(() => callback?.(error));
    return undefined;
  };
  const promiseStyle = (name) => (original) => function guardedLookup(hostname, ...rest) {
    if (isLoopback(hostname) || net.isIP(hostname)) return original.call(this, hostname, ...rest);
    return Promise.reject(recordViolation(hostname, `dns.promises.${name}`));
  };
  // The module's resolve* are bound to a default Resolver at load time, so both they and the prototypes are wrapped.
  const queries = (owner) => Object.getOwnPropertyNames(owner).filter((key) => key === 'lookup' || key.startsWith('resolve'));
  for (const owner of [dns, dns.Resolver.prototype]) for (const key of queries(owner)) wrap(owner, key, callbackStyle(key));
  for (const owner of [dns.promises, dns.promises.Resolver.prototype]) for (const key of queries(owner)) wrap(owner, key, promiseStyle(key));
}

if (!state.installed) {
  install();
  state.installed = true;
}
