// Webhook payloads, HMAC signatures (checked against node:crypto), backoff with jitter, CSV quoting.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../agents/leads/backoff.ts';
import { BOM, csvField, toCsv } from '../../../agents/leads/csv.ts';
import { dedupeKey } from '../../../agents/leads/identity.ts';
import { buildLeadPayload, signWebhook, verifyWebhookSignature, type LeadSnapshot } from '../../../agents/leads/webhook.ts';

const lead: LeadSnapshot = {
  id: 'lead-1', version: 2, status: 'qualified', source: 'form', lang: 'fr', organisation: 'Café Lëtz', orgType: 'sme', sector: 'finance', size: '12',
  maturity: 'piloting', need: 'Détection de fraude', pillars: ['build-test'], timeline: '3_months', contactName: 'Anna Müller', contactEmail: 'anna@example.lu',
  contactPhone: null, consentVersion: '2026-11-22', consentAt: 0, score: 80, qualified: true, reasons: [], createdAt: 0, updatedAt: 1000, withdrawnAt: null,
  duplicateOf: null,
};

describe('lead webhook', () => {
  it('signs "<t>.<raw body>" with HMAC-SHA256 exactly as node:crypto does, and verifies it', () => {
    const body = JSON.stringify(buildLeadPayload('lead.created', lead, { withdrawUrl: 'https://x/api/leads/lead-1/withdraw?token=t' }));
    const header = signWebhook('s3cret-s3cret-s3cret', 1_790_000_000, body);
    const expected = createHmac('sha256', 's3cret-s3cret-s3cret').update(`1790000000.${body}`).digest('hex');
    expect(header).toBe(`t=1790000000,v1=${expected}`);
    expect(verifyWebhookSignature('s3cret-s3cret-s3cret', header, body, { nowSeconds: 1_790_000_100 })).toBe(true);
    expect(verifyWebhookSignature('s3cret-s3cret-s3cret', header, body + ' ', { nowSeconds: 1_790_000_100 })).toBe(false);
    expect(verifyWebhookSignature('other-secret-other', header, body, { nowSeconds: 1_790_000_100 })).toBe(false);
    expect(verifyWebhookSignature('s3cret-s3cret-s3cret', header, body, { nowSeconds: 1_790_001_000 })).toBe(false);
  });

  it('signs with the current and the next secret during a rotation, one v1= each, and either secret verifies', () => {
    const body = JSON.stringify(buildLeadPayload('lead.created', lead));
    const [current, next] = ['current-secret-0123456789', 'next-secret-9876543210ab'];
    const mac = (secret: string) => createHmac('sha256', secret).update(`1790000000.${body}`).digest('hex');
    const header = signWebhook([current, next], 1_790_000_000, body);
    expect(header).toBe(`t=1790000000,v1=${mac(current)},v1=${mac(next)}`);
    const at = { nowSeconds: 1_790_000_010 };
    expect(verifyWebhookSignature(current, header, body, at)).toBe(true);
    expect(verifyWebhookSignature(next, header, body, at)).toBe(true);
    expect(verifyWebhookSignature('a-third-secret-nobody-uses', header, body, at)).toBe(false);
    expect(verifyWebhookSignature(current, header, `${body} `, at)).toBe(false);
    // Once the rotation is over only the new secret signs: a receiver still on the old one refuses.
    expect(verifyWebhookSignature(current, signWebhook([next], 1_790_000_000, body), body, at)).toBe(false);
    expect(verifyWebhookSignature(current, 't=1790000000', body, at)).toBe(false);
  });

  it('builds lead.v1 bodies; a withdrawal carries no contact or business data', () => {
    const created = buildLeadPayload('lead.created', lead, { withdrawUrl: 'https://x/w' });
    expect(created).toMatchObject({ schema: 'lead.v1', event: 'lead.created', lead: { id: 'lead-1', version: 2, contact: { name: 'Anna Müller', email: 'anna@example.lu', phone: null }, consent: { given: true, version: '2026-11-22' }, withdrawUrl: 'https://x/w' } });
    const withdrawn = buildLeadPayload('lead.withdrawn', { ...lead, version: 3, status: 'withdrawn', withdrawnAt: 5000 });
    expect(withdrawn).toEqual({ schema: 'lead.v1', event: 'lead.withdrawn', lead: { id: 'lead-1', version: 3, status: 'withdrawn', withdrawnAt: new Date(5000).toISOString() } });
    expect(JSON.stringify(withdrawn)).not.toMatch(/Anna|example\.lu|Café/);
  });
});

describe('backoffDelay', () => {
  it.each([
    [1, 0, 500],
    [1, 1, 1000],
    [2, 0.5, 1500],
    [3, 0, 2000],
    [10, 1, 8000],
  ])('attempt %i with random %d waits %i ms (base 1 s, cap 8 s)', (attempt, r, ms) => {
    expect(backoffDelay(attempt, () => r, { baseMs: 1000, maxMs: 8000 })).toBe(ms);
  });

  it('grows exponentially and spreads retries between half and all of the ceiling', () => {
    const delays = Array.from({ length: 200 }, (_, i) => backoffDelay(4, () => i / 199, { baseMs: 100, maxMs: 10_000 }));
    expect(Math.min(...delays)).toBe(400);
    expect(Math.max(...delays)).toBe(800);
  });
});

describe('CSV', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
    ['Café Lëtz, Straße', '"Café Lëtz, Straße"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['+352 621 000 000', '+352 621 000 000'],
    ['-cmd', "'-cmd"],
    [null, ''],
    [42, '42'],
    [true, 'true'],
  ])('quotes %j as %j', (value, expected) => {
    expect(csvField(value as string)).toBe(expected);
  });

  it('writes UTF-8 with a byte-order mark and CRLF rows, and parses back with é/ë/ß intact', () => {
    const csv = toCsv(['name', 'note'], [['Zoë Weiß', 'a "quoted", multi\nline note'], ['René', '']]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(csv).toBe(`${BOM}name,note\r\nZoë Weiß,"a ""quoted"", multi\nline note"\r\nRené,\r\n`);
    expect(parseCsv(csv.slice(1))).toEqual([['name', 'note'], ['Zoë Weiß', 'a "quoted", multi\nline note'], ['René', '']]);
  });
});

describe('identity', () => {
  it('de-duplicates on email case and organisation spelling, not on a different organisation', () => {
    expect(dedupeKey('Anna@Example.lu ', 'Café Lëtz S.A.')).toBe(dedupeKey('anna@example.lu', 'cafe  letz sa'));
    expect(dedupeKey('anna@example.lu', 'Café Lëtz')).not.toBe(dedupeKey('anna@example.lu', 'Café Bonn'));
  });
});

/** A small RFC 4180 reader, to prove the writer's output round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  return rows;
}
