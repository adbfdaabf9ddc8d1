// Structured JSON-line logs; personal data (message text, emails, IPs, phone numbers) is removed before anything is written.
import type { Log, LogFields } from '../agents/ports.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
/** The domain's log, plus children that carry fields (the request id) on every line. */
export type Logger = Log & { child(fields: LogFields): Logger };

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
// Keys whose values are user content or identify a person; dropped whole rather than masked.
const PERSONAL_KEYS = /^(message|content|text|query|q|answer|prompt|email|phone|name|contact|ip|address|token|authorization|cookie)$/i;
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
const IPV4 = /\b\d{1,3}(\.\d{1,3}){3}\b/g;
// IPv6 with a hex letter or a '::' (so clock times like 10:00:00 stay readable).
const IPV6 = /(?<![\w:])(?=[0-9a-f:]*(?:[a-f]|::))[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?![\w:])/gi;
// 9 to 15 digits, perhaps with a leading + and spaces, dots, dashes, slashes or brackets between them, standing alone:
// not part of an id (UUIDs), a date or a clock time.
const PHONE = /(?<![\w.:+/-])\+?\d(?:[ ()./-]{0,2}\d){8,14}(?![\w:-]|[./]\d)/g;

/** Removes personal data from log fields: pure, so it is tested on its own. */
export function redact(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (PERSONAL_KEYS.test(key)) continue;
    if (typeof value === 'string') out[key] = value.replace(EMAIL, '[email]').replace(IPV4, '[ip]').replace(IPV6, '[ip]').replace(PHONE, '[phone]');
    else if (value instanceof Error) out[key] = redact({ error: value.message }).error;
    else if (value && typeof value === 'object' && !Array.isArray(value)) out[key] = redact(value as LogFields);
    else out[key] = value;
  }
  return out;
}

export function createLogger(
  level: LogLevel = 'info',
  write: (line: string) => void = (line) => console.log(line),
  clock: () => Date = () => new Date(),
  base: LogFields = {},
): Logger {
  const emit = (at: LogLevel) => (msg: string, fields: LogFields = {}) => {
    if (ORDER[at] < ORDER[level]) return;
    write(JSON.stringify({ time: clock().toISOString(), level: at, msg, ...redact({ ...base, ...fields }) }));
  };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    child: (fields) => createLogger(level, write, clock, { ...base, ...fields }),
  };
}
