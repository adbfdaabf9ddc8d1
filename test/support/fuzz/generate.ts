// Malformed requests for one route: a valid request (valid session, token, body) broken by one to three mutations —
// method, content type, body, fields, sizes, encodings, path parameters, query, headers — drawn from a seeded PRNG.
import type { FuzzRequest, Transport } from './client.ts';
import type { Random } from './random.ts';
import {
  BAD_JSON_TEXTS,
  invalidUtf8Body,
  METHODS,
  ODD_ACCEPT_LANGUAGES,
  ODD_AUTHORIZATIONS,
  ODD_CONTENT_TYPES,
  ODD_COOKIES,
  ODD_EVENT_IDS,
  ODD_SEGMENTS,
  ODD_STRINGS,
  ODD_VALUES,
  oddQuery,
  percentEncode,
  ODD_METHODS,
} from './values.ts';

export type RouteSpec = {
  /** The group the counts are reported under (e.g. `staff`, `conversations`). */
  group: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** As the app registers it, e.g. `/api/conversations/:id/messages`. */
  path: string;
  /** Valid values of the path parameters, already encoded. */
  params?: Record<string, () => string>;
  /** The headers that let a request through: a staff cookie and CSRF token, a bearer token… */
  auth?: () => Record<string, string>;
  /** A valid JSON body; the route reads JSON. */
  body?: () => Record<string, unknown>;
  /** The longest each string field may be (dot paths), for lengths just under and over. */
  limits?: Record<string, number>;
  /** Valid query parameters. */
  query?: () => Record<string, string>;
  /** The route answers with an event stream (read up to its head, then closed). */
  stream?: boolean;
  /** How many requests to make (default 60). */
  cases?: number;
  /** Never send the valid auth with this route's own method (a request that would end the session the others use). */
  spendsAuth?: boolean;
};

/** A request being built: the route's valid request, then mutated. */
type Draft = {
  method: string;
  params: Record<string, string>;
  query: string;
  headers: Record<string, string>;
  body?: string | Buffer | { chunks: Buffer[] };
  transport?: Transport;
  /** Extra lines for a raw request (already formatted), and whether the raw request sets its own framing. */
  rawLines?: string[];
  rawFraming?: boolean;
  /** A path replacing the template (verbatim). */
  target?: string;
};

export type FuzzCase = { route: RouteSpec; mutations: string[]; request: FuzzRequest };

const BODY_LIMIT = 64 * 1024;
const fetchMethods = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

// Five levels at most: a body an earlier mutation made 10,000 levels deep is not walked.
const stringFields = (value: unknown, prefix = '', depth = 0): string[] =>
  depth < 5 && value && typeof value === 'object' && !Array.isArray(value)
    ? Object.entries(value).flatMap(([key, inner]) => (typeof inner === 'string' ? [`${prefix}${key}`] : stringFields(inner, `${prefix}${key}.`, depth + 1)))
    : [];
const allFields = (value: unknown, prefix = '', depth = 0): string[] =>
  depth < 5 && value && typeof value === 'object' && !Array.isArray(value)
    ? Object.entries(value).flatMap(([key, inner]) => [`${prefix}${key}`, ...allFields(inner, `${prefix}${key}.`, depth + 1)])
    : [];

function setPath(target: Record<string, unknown>, path: string, value: unknown, remove = false) {
  const keys = path.split('.');
  let at: Record<string, unknown> = target;
  for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
  if (remove) delete at[keys.at(-1)!];
  else at[keys.at(-1)!] = value;
}

const jsonDraftBody = (draft: Draft): Record<string, unknown> | null => {
  if (typeof draft.body !== 'string') return null;
  try {
    const parsed = JSON.parse(draft.body) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};

type Mutation = (draft: Draft, random: Random, route: RouteSpec) => boolean;

/** Each mutation changes the draft and says whether it applied to this route. */
const MUTATIONS: Record<string, Mutation> = {
  method: (d, r, route) => ((d.method = r.pick(METHODS.filter((m) => m !== route.method))), true),
  'odd-method': (d, r) => ((d.method = r.pick(ODD_METHODS)), (d.transport = 'raw'), true),
  'no-auth': (d, _r, route) => {
    if (!route.auth) return false;
    for (const name of Object.keys(route.auth())) delete d.headers[name];
    return true;
  },
  'content-type': (d, r, route) => {
    if (!route.body) return false;
    const type = r.pick(ODD_CONTENT_TYPES);
    if (type === undefined) delete d.headers['content-type'];
    else d.headers['content-type'] = type;
    return true;
  },
  'form-body': (d, r, route) => {
    if (!route.body) return false;
    d.headers['content-type'] = r.pick(['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'multipart/form-data']);
    d.body = r.pick(['a=1&b=2', 'token=%ZZ&token=2', '--x\r\ncontent-disposition: form-data; name="a"\r\n\r\n1\r\n', '--x\r\nbroken', '\u0000\u0001', '']);
    return true;
  },
  'bad-json': (d, r) => ((d.headers['content-type'] = 'application/json'), (d.body = r.pick(BAD_JSON_TEXTS)), true),
  'json-type': (d, r) => ((d.headers['content-type'] = 'application/json'), (d.body = JSON.stringify(r.pick(ODD_VALUES))), true),
  'field-value': (d, r) => {
    const body = jsonDraftBody(d);
    if (!body || allFields(body).length === 0) return false;
    setPath(body, r.pick(allFields(body)), r.pick(ODD_VALUES));
    d.body = JSON.stringify(body);
    return true;
  },
  'field-missing': (d, r) => {
    const body = jsonDraftBody(d);
    if (!body || allFields(body).length === 0) return false;
    setPath(body, r.pick(allFields(body)), undefined, true);
    d.body = JSON.stringify(body);
    return true;
  },
  'field-extra': (d, r) => {
    const body = jsonDraftBody(d);
    if (!body) return false;
    const text = JSON.stringify(body).slice(1, -1);
    d.body = r.pick([
      `{"__proto__":{"isAdmin":true,"role":"admin"},${text}}`,
      `{"constructor":{"prototype":{"x":1}},${text}}`,
      `{${text},${text}}`,
      `{${Array.from({ length: 1_000 }, (_, i) => `"k${i}":${i}`).join(',')},${text}}`,
      `{${text},"extra":${JSON.stringify(r.pick(ODD_STRINGS))}}`,
    ]);
    return true;
  },
  'field-length': (d, r, route) => {
    const body = jsonDraftBody(d);
    if (!body || stringFields(body).length === 0) return false;
    const field = r.pick(stringFields(body));
    const limit = route.limits?.[field];
    const unit = r.pick(['a', 'é', '€', '😀', 'ﷺ']);
    const length = limit !== undefined ? r.pick([limit, limit + 1, limit * 2]) : r.pick([1_000, 10_000, 70_000]);
    setPath(body, field, unit.repeat(Math.ceil(length / unit.length)).slice(0, length));
    d.body = JSON.stringify(body);
    return true;
  },
  'odd-string': (d, r) => {
    const body = jsonDraftBody(d);
    if (!body || stringFields(body).length === 0) return false;
    setPath(body, r.pick(stringFields(body)), r.pick(ODD_STRINGS));
    d.body = JSON.stringify(body);
    return true;
  },
  'invalid-utf8': (d, r) => {
    const body = jsonDraftBody(d);
    if (!body || stringFields(body).length === 0) return false;
    d.body = invalidUtf8Body(r.pick(stringFields(body)));
    return true;
  },
  'body-size': (d, r) => {
    const pad = (size: number) => `{"pad":"${'p'.repeat(Math.max(0, size - 10))}"}`;
    const shape = r.pick(['just-under', 'exact', 'just-over', 'megabyte', 'chunked-under', 'chunked-over']);
    d.headers['content-type'] = 'application/json';
    if (shape === 'just-under') d.body = pad(BODY_LIMIT - 1);
    else if (shape === 'exact') d.body = pad(BODY_LIMIT);
    else if (shape === 'just-over') d.body = pad(BODY_LIMIT + 1);
    else if (shape === 'megabyte') d.body = pad(1024 * 1024);
    else {
      const text = Buffer.from(pad(shape === 'chunked-under' ? BODY_LIMIT - 100 : BODY_LIMIT * 3));
      const size = 16 * 1024;
      d.body = { chunks: Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.subarray(i * size, (i + 1) * size)) };
    }
    return true;
  },
  param: (d, r) => {
    const names = Object.keys(d.params);
    if (names.length === 0) return false;
    d.params[r.pick(names)] = r.pick(ODD_SEGMENTS);
    return true;
  },
  'raw-unicode-param': (d, r) => {
    const names = Object.keys(d.params);
    if (names.length === 0) return false;
    d.params[r.pick(names)] = r.pick(['ä', '💩', '\u202e', 'a b', 'a"b', '\u0000']);
    d.transport = 'raw';
    return true;
  },
  'path-junk': (d, r, route) => {
    const path = fill(route.path, d.params);
    d.target = r.pick([`${path}/`, `/${path}`, path.replace('/api/', '/api//'), path.replace('/api/', '/api/./'), path.replace(/^\//, '/x/../'), `${path}%00`, `${path};x=1`, path.toUpperCase(), `${path}\\`, path.replace('/api/', '/api\\'), `${path}/${'z'.repeat(12_000)}`, `http://evil.example${path}`]);
    if (d.target.startsWith('http://')) d.transport = 'raw';
    return true;
  },
  query: (d, r, route) => {
    d.query = oddQuery(r, Object.keys(route.query?.() ?? {}).concat(route.stream ? ['token', 'lastEventId'] : []));
    return true;
  },
  'query-value': (d, r, route) => {
    const query = route.query?.();
    if (!query || Object.keys(query).length === 0) return false;
    const name = r.pick(Object.keys(query));
    const params = new URLSearchParams(query);
    params.set(name, r.pick([...ODD_STRINGS, '-1', '0', '21', '1e400', 'NaN', '2.5', 'xx', 'bot,,', 'resolved,nope']));
    d.query = `?${params.toString()}`;
    return true;
  },
  'accept-language': (d, r) => ((d.headers['accept-language'] = r.pick(ODD_ACCEPT_LANGUAGES)), true),
  authorization: (d, r) => ((d.headers.authorization = r.pick(ODD_AUTHORIZATIONS)), true),
  cookie: (d, r) => ((d.headers.cookie = r.pick(ODD_COOKIES)), true),
  csrf: (d, r, route) => {
    if (!d.headers.cookie || !route.auth) return false;
    d.headers['x-csrf-token'] = r.pick(['', 'x', 'f'.repeat(64), '0'.repeat(65), 'F'.repeat(64), d.headers['x-csrf-token']?.toUpperCase() ?? 'y', ` ${d.headers['x-csrf-token'] ?? ''}`]);
    return true;
  },
  'last-event-id': (d, r, route) => {
    if (!route.stream) return false;
    if (r.chance(0.5)) d.headers['last-event-id'] = r.pick(ODD_EVENT_IDS);
    else d.query = `?lastEventId=${percentEncode(r.pick(ODD_EVENT_IDS))}`;
    return true;
  },
  'token-query': (d, r, route) => {
    if (!route.stream) return false;
    delete d.headers.authorization;
    d.query = `?token=${percentEncode(r.pick(['', 'x', 'a'.repeat(5_000), ...ODD_STRINGS]))}${r.chance(0.5) ? '&token=second' : ''}`;
    return true;
  },
  accept: (d, r) => ((d.headers.accept = r.pick(['text/event-stream', 'application/json', 'text/html', '*/*;q=abc', 'text/event-stream, text/html', 'x'.repeat(8_000)])), true),
  host: (d, r) => {
    d.headers.host = r.pick(['evil.example', '', 'a b', '127.0.0.1:99999', '[::1', 'localhost:0', 'x'.repeat(300), 'ÿ.example', '127.0.0.1:1/path']);
    return true;
  },
  'misc-headers': (d, r) => {
    const pick = r.int(0, 6);
    if (pick === 0) d.headers['x-forwarded-for'] = r.pick(['garbage', '999.1.1.1', '1.1.1.1, , ,', '::ffff:1.2.3.4'.repeat(200), 'unknown']);
    if (pick === 1) Object.assign(d.headers, { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' });
    if (pick === 2) d.headers['if-none-match'] = '"x", '.repeat(2_000);
    if (pick === 3) for (let i = 0; i < 90; i++) d.headers[`x-fuzz-${i}`] = String(i);
    if (pick === 4) d.headers['content-encoding'] = r.pick(['gzip', 'br', 'identity, gzip']);
    if (pick === 5) d.headers.expect = '100-continue';
    if (pick === 6) d.headers['x-request-id'] = r.pick(['', 'a'.repeat(8_000), '../../x', '\u00ff']);
    return true;
  },
  framing: (d, r) => {
    d.transport = 'raw';
    d.rawFraming = true;
    const body = typeof d.body === 'string' || Buffer.isBuffer(d.body) ? d.body.toString() : '{}';
    const length = Buffer.byteLength(body);
    d.rawLines = r.pick([
      [`content-length: ${length + 5}`],
      [`content-length: ${Math.max(0, length - 5)}`],
      ['content-length: -1'],
      ['content-length: abc'],
      [`content-length: ${length}`, `content-length: ${length + 1}`],
      [`content-length: ${length}`, 'transfer-encoding: chunked'],
      ['transfer-encoding: chunked'],
      ['transfer-encoding: gzip, chunked'],
      ['transfer-encoding: chunked', '__bad_chunks__'],
      [`content-length: ${length}`, 'bad header without colon'],
      [`content-length: ${length}`, ' folded: continuation'],
      [`content-length: ${length}`, `x-bytes: ${'\u00ff\u00fe'}`],
    ]);
    return true;
  },
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);

const fill = (path: string, params: Record<string, string>) => path.replace(/:(\w+)(\{[^}]*\})?/g, (_, name: string) => params[name] ?? 'x');

function baseDraft(route: RouteSpec): Draft {
  const params = Object.fromEntries(Object.entries(route.params ?? {}).map(([name, value]) => [name, value()]));
  const query = route.query ? `?${new URLSearchParams(route.query()).toString()}` : '';
  const headers: Record<string, string> = { ...(route.auth?.() ?? {}) };
  let body: string | undefined;
  if (route.body) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(route.body());
  }
  if (route.stream) headers.accept = 'text/event-stream';
  return { method: route.method, params, query, headers, body };
}

/** Whether Node's fetch sends this as it is: a known method, a plain target, ASCII headers it does not manage itself. */
function fetchable(d: Draft, target: string): boolean {
  const managed = ['host', 'expect', 'content-length', 'transfer-encoding', 'connection'];
  return (
    fetchMethods.has(d.method) &&
    /^\/[\x21-\x5b\x5d-\x7e]*$/.test(target) &&
    !/(^|\/)\.\.?(\/|$|\?)|%2e/i.test(target) &&
    Object.entries(d.headers).every(([name, value]) => !managed.includes(name) && /^[\x20-\x7e]*$/.test(value)) &&
    !(d.body !== undefined && (d.method === 'GET' || d.method === 'HEAD'))
  );
}

function rawRequest(d: Draft, target: string, port: number): Buffer {
  const body = d.body === undefined ? Buffer.alloc(0) : typeof d.body === 'string' ? Buffer.from(d.body) : Buffer.isBuffer(d.body) ? d.body : Buffer.concat(d.body.chunks);
  const lines = [`${d.method} ${target} HTTP/1.1`, `host: ${d.headers.host ?? `127.0.0.1:${port}`}`, 'connection: close'];
  for (const [name, value] of Object.entries(d.headers)) if (name !== 'host') lines.push(`${name}: ${value}`);
  let payload = body;
  if (d.rawFraming) {
    for (const line of d.rawLines ?? []) if (line !== '__bad_chunks__') lines.push(line);
    if (d.rawLines?.includes('__bad_chunks__')) payload = Buffer.from(`zz\r\n${body.toString('latin1')}\r\n0\r\n\r\n`, 'latin1');
    else if (d.rawLines?.some((l) => /transfer-encoding: .*chunked/.test(l))) payload = Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]);
  } else lines.push(`content-length: ${body.length}`);
  // Latin1: a header or target character above 0x7f goes out as one byte, and the target's UTF-8 as its bytes.
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), payload]);
}

/**
 * `count` requests for the route: first the valid request with every other method, then each mutation once (those
 * that apply), then random combinations of one to three. About a third of what fetch can send goes through fetch; the
 * rest over node:http, or a raw socket when no client library would send it.
 */
export function generateCases(route: RouteSpec, random: Random, port: number, count = route.cases ?? 60): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const plans: string[][] = [...METHODS.filter((m) => m !== route.method).map((m) => [`method=${m}`]), ...MUTATION_NAMES.map((name) => [name])];
  while (plans.length < count * 2) plans.push(Array.from({ length: random.int(1, 3) }, () => random.pick(MUTATION_NAMES)));
  for (const plan of plans) {
    if (cases.length >= count) break;
    const draft = baseDraft(route);
    const applied = plan.filter((name) => (name.startsWith('method=') ? ((draft.method = name.slice(7)), true) : MUTATIONS[name]!(draft, random, route)));
    if (applied.length === 0) continue;
    // A route that spends its auth (logout) never gets the valid auth with its own method: the others need the session.
    if (route.spendsAuth && draft.method === route.method && route.auth && Object.entries(route.auth()).every(([name, value]) => draft.headers[name] === value)) delete draft.headers['x-csrf-token'];
    if ((draft.method === 'GET' || draft.method === 'HEAD') && draft.body !== undefined && draft.transport !== 'raw') draft.transport = 'raw';
    const wantsRaw = draft.transport === 'raw';
    const target = (draft.target ?? fill(route.path, draft.params)) + draft.query;
    // node:http refuses a target outside printable ASCII and header characters beyond latin1: those go raw.
    const needsRaw = wantsRaw || /[^\x21-\x7e]/.test(target) || Object.values(draft.headers).some((value) => /[^\t\x20-\x7e\x80-\xff]/.test(value));
    const transport: Transport = needsRaw ? 'raw' : fetchable(draft, target) && random.chance(0.3) ? 'fetch' : 'http';
    const request: FuzzRequest = { transport, method: draft.method, target, headers: draft.headers, body: draft.body, stream: route.stream };
    if (transport === 'raw') request.raw = rawRequest(draft, Buffer.from(target, 'utf8').toString('latin1'), port);
    cases.push({ route, mutations: applied, request });
  }
  return cases;
}
