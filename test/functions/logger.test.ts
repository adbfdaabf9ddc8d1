import { describe, expect, it } from 'vitest';
import { createLogger, redact } from '../../functions/logger.ts';

describe('redact', () => {
  it('drops content fields and masks emails and IPs anywhere else', () => {
    expect(
      redact({ message: 'my question', email: 'a@b.lu', note: 'from marie.muller@example.lu at 192.168.1.20 and 2001:db8::1:2:3', nested: { content: 'x', ok: 1 } }),
    ).toEqual({ note: 'from [email] at [ip] and [ip]', nested: { ok: 1 } });
  });
});

describe('createLogger', () => {
  it('writes one JSON line per entry at or above its level, with child fields', () => {
    const lines: string[] = [];
    const log = createLogger('info', (line) => lines.push(line), () => new Date('2026-11-22T10:00:00Z')).child({ requestId: 'r1' });
    log.debug('hidden');
    log.warn('slow', { ms: 12, query: 'secret words' });
    expect(lines.map((line) => JSON.parse(line))).toEqual([{ time: '2026-11-22T10:00:00.000Z', level: 'warn', msg: 'slow', requestId: 'r1', ms: 12 }]);
  });
});
