// Catalogues of odd inputs: strings, JSON values and texts, raw body bytes, path segments, query strings, headers.
import type { Random } from './random.ts';

/** Strings that break naive text handling: lone surrogates, NUL, bidi controls, emoji, expanding characters, SSE framing. */
export const ODD_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\n\r ',
  '\ud800',
  '\udc00',
  'a\ud83d',
  '\udfff\ud800',
  '\u0000',
  'a\u0000b',
  '\u202eevil\u202c.exe',
  '\u200f\u200e\u200b\u2060',
  '👩‍👩‍👧‍👦🇱🇺',
  'e\u0301'.repeat(300),
  '\ufeff{}',
  '\uffff\ufffe',
  'line\u2028sep\u2029para',
  'x\r\n\r\nevent: done\ndata: {"injected":true}\n\n',
  'ﷺ'.repeat(300),
  'İ'.repeat(300),
  '%00%ZZ%',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '${jndi:ldap://127.0.0.1/x}',
  '{{7*7}}',
  '../../../../etc/passwd',
  '__proto__',
  'null',
  '-0',
  'NaN',
];

/** JSON values of every type, for a field or a whole body. */
export const ODD_VALUES: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  [],
  [null],
  ['a', 1, {}],
  {},
  { nested: { deeper: [1, 2, { deepest: true }] } },
  ...ODD_STRINGS,
];

/** Nested arrays or objects `depth` levels deep, as JSON text (built as text: JSON.stringify would recurse). */
export const deepArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
export const deepObjects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** Bodies that are not JSON, or JSON only to a lenient parser. */
export const BAD_JSON_TEXTS: readonly string[] = [
  '{',
  '}',
  '{"message":',
  '{"message": "unterminated}',
  "{'message': 'single quotes'}",
  '{message: "bare key"}',
  '{"message": "a",}',
  '[1, 2,]',
  'nul',
  'undefined',
  'NaN',
  '{"n": NaN}',
  '{"n": Infinity}',
  '{"n": 1e99999}',
  '{"message": "\\x41"}',
  '{"message": "\\u12"}',
  '\u0000',
  '/* comment */ {}',
  '{} {}',
  '{"a":1}garbage',
  '\ufeff{"message": "byte order mark"}',
  ' '.repeat(1000),
  '"just a string"',
  '12345678901234567890123456789012345678901234567890',
  deepArrays(20_000),
  deepObjects(10_000),
];

/** Raw bytes that are not valid UTF-8 inside an otherwise well-formed JSON body. */
export function invalidUtf8Body(field: string): Buffer {
  return Buffer.concat([Buffer.from(`{"${field}":"`), Buffer.from([0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80, 0xf4, 0x90, 0x80, 0x80, 0x61]), Buffer.from('"}')]);
}

/** Path segments: too long, NUL, dot segments, encoded slashes, bad percent escapes, unicode, injections. */
export const ODD_SEGMENTS: readonly string[] = [
  '',
  'x'.repeat(300),
  'x'.repeat(9_000),
  '%00',
  'a%00b',
  '..',
  '.',
  '%2e%2e',
  '..%2f..%2fetc%2fpasswd',
  '%2F',
  '%5C',
  '%C3%A4%C3%B6',
  '%F0%9F%92%A9',
  '%ED%A0%80',
  '%FF%FE',
  '%ZZ',
  '%',
  '%E0%A4%A',
  '%27%20OR%201%3D1%20--',
  '%3Cscript%3E',
  '00000000-0000-4000-8000-000000000000',
  '-1',
  '9'.repeat(40),
  '%20',
  '~',
  ';x=1',
];

/** Percent-encodes the UTF-8 bytes (a lone surrogate becomes U+FFFD's), where encodeURIComponent would throw. */
export const percentEncode = (text: string) => [...Buffer.from(text, 'utf8')].map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');

/** Whole query strings (with the `?`) for any route. */
export function oddQuery(random: Random, names: readonly string[]): string {
  const name = names.length ? random.pick(names) : random.pick(['q', 'x', 'token']);
  const shapes = [
    () => `?${Array.from({ length: 300 }, (_, i) => `${name}=${i}`).join('&')}`,
    () => `?${name}=${'a'.repeat(8_000)}`,
    () => `?${name}=${'b'.repeat(15_000)}`,
    () => `?${name}=${'c'.repeat(20_000)}`,
    () => `?${Array.from({ length: 2_000 }, (_, i) => `p${i}=1`).join('&')}`,
    () => `?${name}=%00`,
    () => `?${name}=%ZZ%`,
    () => `?${name}[]=1&${name}[x]=2`,
    () => `?${name}=%F0%9F%92%A9%E2%80%AE`,
    () => `?${name}=%ED%A0%80`,
    () => `?${name}`,
    () => `?=&=&&`,
    () => `?${name}=1;${name}=2`,
    () => `??${name}=1#frag`,
    () => `?${name}=${percentEncode(random.pick(ODD_STRINGS))}`,
  ];
  return random.pick(shapes)();
}

/** Accept-Language values, from odd to too large for Node's 16 KB header limit. */
export const ODD_ACCEPT_LANGUAGES: readonly string[] = [
  '*',
  '',
  ';q=0.5',
  'xx-YY,,,;q=',
  'fr;q=abc, de;q=-1, lb;q=2',
  'lb-LU-x-very-long-private-use-tag',
  Array.from({ length: 500 }, (_, i) => `x${i};q=0.${i % 10}`).join(','),
  'fr,'.repeat(1_000),
  'de;q=0.9,'.repeat(1_500),
  'en-'.repeat(6_000),
];

/** Authorization values: empty, wrong scheme, huge, odd spacing. */
export const ODD_AUTHORIZATIONS: readonly string[] = [
  '',
  'Bearer',
  'Bearer ',
  'bearer  token',
  'Basic dXNlcjpwYXNz',
  'Bearer ' + 'x'.repeat(5_000),
  'Bearer a b c',
  'Bearer %00',
  'Bearer \u00e4\u00f6',
  'Digest username="x"',
  'Bearer null',
];

/** Cookie headers with the staff cookie broken in every way (the name over plain http on 127.0.0.1). */
export const ODD_COOKIES: readonly string[] = [
  'aif_staff=',
  'aif_staff=%zz',
  'aif_staff="quoted"',
  'aif_staff=' + 'f'.repeat(64),
  'aif_staff=' + 'x'.repeat(4_000),
  '__Host-aif_staff=abc',
  'aif_staff=a; aif_staff=b',
  Array.from({ length: 300 }, (_, i) => `c${i}=${i}`).join('; '),
  ';;;=;',
  'aif_staff',
];

/** Last-Event-ID values the event streams must treat as absent (or as an id). */
export const ODD_EVENT_IDS: readonly string[] = ['-1', 'abc', '1e20', '9'.repeat(30), '0x10', ' 5 ', '', '1.5', '%00', '999999999999999'];

/** Content types a JSON route must refuse (or accept, for the JSON family). */
export const ODD_CONTENT_TYPES: readonly (string | undefined)[] = [
  undefined,
  '',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=----x',
  'application/json; charset=utf-16',
  'application/jsonx',
  'application/vnd.api+json',
  'APPLICATION/JSON',
  'application/json, text/plain',
  'text/html',
  '*/*',
];

/** The usual methods; and odd ones, sent over a raw socket: unknown to Node's parser, lower case, CONNECT, TRACE. */
export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export const ODD_METHODS = ['FOO', 'PROPFIND', 'get', 'BREW', 'CONNECT', 'TRACE'] as const;
