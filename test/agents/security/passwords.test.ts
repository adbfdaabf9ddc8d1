// Password hashing: argon2id at OWASP's parameters in a PHC string, verified in constant time, readable by other
// argon2 implementations (the reference implementation's own vector), and upgradable when the parameters rise.
import { describe, expect, it } from 'vitest';
import { DUMMY_PASSWORD_HASH, hashPassword, needsRehash, passwordLength, PASSWORD_PARAMS, verifyPassword } from '../../../agents/security/passwords.ts';

const PASSWORD = 'correct horse battery staple';

describe('hashPassword', () => {
  it('makes a salted argon2id PHC string at m=19 MiB, t=2, p=1 that verifies the password and nothing else', async () => {
    const started = performance.now();
    const hash = await hashPassword(PASSWORD);
    console.log(`argon2id m=${PASSWORD_PARAMS.m} KiB, t=${PASSWORD_PARAMS.t}, p=${PASSWORD_PARAMS.p}: ${(performance.now() - started).toFixed(0)} ms per hash`);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await verifyPassword(hash, PASSWORD)).toBe(true);
    expect(await verifyPassword(hash, `${PASSWORD} `)).toBe(false);
    expect(await verifyPassword(hash, '')).toBe(false);
    expect(await hashPassword(PASSWORD)).not.toBe(hash);
  });

  it('treats the same password typed in composed or decomposed Unicode as one', async () => {
    const composed = 'Lëtzebuergesch Passwuert é';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(await verifyPassword(await hashPassword(composed), decomposed)).toBe(true);
    expect(passwordLength(decomposed)).toBe(passwordLength(composed));
  });
});

describe('verifyPassword', () => {
  it('verifies the reference implementation\'s argon2id vector (phc-winner-argon2, src/test.c)', async () => {
    const reference = '$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc';
    expect(await verifyPassword(reference, 'password')).toBe(true);
    expect(await verifyPassword(reference, 'passwore')).toBe(false);
  });

  it('answers false, without throwing or hashing for long, for strings it cannot or must not read', async () => {
    for (const stored of ['', 'plain text', '$argon2i$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc', '$argon2id$v=19$m=4194304,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc', '$argon2id$v=19$m=19456,t=99,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc']) {
      const started = performance.now();
      expect(await verifyPassword(stored, 'password')).toBe(false);
      expect(performance.now() - started).toBeLessThan(50);
    }
  });

  it('spends on an unknown account what it spends on a real one: the dummy hash uses the current parameters', async () => {
    expect(needsRehash(DUMMY_PASSWORD_HASH)).toBe(false);
    expect(await verifyPassword(DUMMY_PASSWORD_HASH, PASSWORD)).toBe(false);
  });
});

describe('needsRehash', () => {
  it('asks for a new hash when the stored one used weaker parameters or cannot be read', async () => {
    expect(needsRehash(await hashPassword(PASSWORD, { m: 1024, t: 1, p: 1 }))).toBe(true);
    expect(needsRehash(await hashPassword(PASSWORD))).toBe(false);
    expect(needsRehash('not a hash')).toBe(true);
  });
});
