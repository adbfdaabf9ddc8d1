// The one security module: random tokens, SHA-256 fingerprints, constant-time comparison and bearer parsing.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bearerToken, matchesHash, randomToken, sameSecret, sha256Hex, tokenMatchesAny } from '../../../agents/security/tokens.ts';

describe('randomToken', () => {
  it('gives base64url text of the requested entropy, different each time', () => {
    expect(randomToken(16)).toMatch(/^[\w-]{22}$/);
    expect(randomToken(32)).toMatch(/^[\w-]{43}$/);
    expect(new Set(Array.from({ length: 100 }, () => randomToken(16))).size).toBe(100);
  });
});

describe('sha256Hex', () => {
  it('hashes UTF-8 text exactly as node:crypto does', () => {
    for (const text of ['', 'abc', 'Lëtzebuerg – ß', '🙂']) expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});

describe('sameSecret', () => {
  it('is true only for equal strings, whatever their lengths', () => {
    expect(sameSecret('jobs-token-0123456789', 'jobs-token-0123456789')).toBe(true);
    expect(sameSecret('jobs-token-0123456789', 'jobs-token-012345678')).toBe(false);
    expect(sameSecret('jobs-token-0123456789', 'jobs-token-0123456788')).toBe(false);
    expect(sameSecret('', 'x')).toBe(false);
  });
});

describe('matchesHash and tokenMatchesAny', () => {
  it('match a token only against its own hash, never an empty or missing one', () => {
    const token = randomToken(32);
    expect(matchesHash(sha256Hex(token), token)).toBe(true);
    expect(matchesHash(sha256Hex(token), randomToken(32))).toBe(false);
    expect(matchesHash(sha256Hex(''), '')).toBe(false);
    expect(matchesHash(sha256Hex(token), undefined)).toBe(false);
    // The digest is compared whole and exactly: not a prefix, not another case.
    expect(matchesHash(sha256Hex(token).slice(0, 63), token)).toBe(false);
    expect(matchesHash(`${sha256Hex(token)}0`, token)).toBe(false);
    expect(matchesHash(sha256Hex(token).toUpperCase(), token)).toBe(false);
    expect(tokenMatchesAny(['x'.repeat(64), sha256Hex(token)], token)).toBe(true);
    expect(tokenMatchesAny([sha256Hex(token)], randomToken(32))).toBe(false);
    expect(tokenMatchesAny([], token)).toBe(false);
  });
});

describe('bearerToken', () => {
  it.each([
    ['Bearer abc', 'abc'],
    ['bearer  abc-123_X', 'abc-123_X'],
    ['Basic abc', undefined],
    ['Bearer', undefined],
    ['Bearer a b', undefined],
    [undefined, undefined],
  ])('reads %j as %j', (header, token) => expect(bearerToken(header)).toBe(token));
});
