// Staff passwords: argon2id (pure JS, so the same code runs on Node and workerd) stored as a PHC string that carries
// its parameters, so they can be raised later and old hashes still verify (and are upgraded at the next login).
import { argon2idAsync } from '@noble/hashes/argon2.js';

export type Argon2Params = { m: number; t: number; p: number };

/**
 * OWASP's argon2id minimum (19 MiB, 2 passes, 1 lane). Measured on our machine with @noble/hashes: 0.2–0.33 s
 * per hash, against 0.6–1.0 s for scrypt at OWASP's N=2^17, r=8 — the same protection for a third of the time.
 */
export const PASSWORD_PARAMS: Argon2Params = { m: 19_456, t: 2, p: 1 };
export const MIN_PASSWORD_LENGTH = 12;
// A bound on what a login must hash: argon2 pre-hashes its input, but megabytes of "password" are never legitimate.
export const MAX_PASSWORD_LENGTH = 1024;

const SALT_BYTES = 16;
const HASH_BYTES = 32;
// What verify accepts from a stored string: a corrupt or hostile row must not make a login allocate gigabytes.
const LIMITS = { m: [8, 262_144], t: [1, 16], p: [1, 4] } as const;

/**
 * A hash of a password nobody knows, at PASSWORD_PARAMS: a login for an unknown address verifies against it, so it
 * takes as long as one for a real account.
 */
export const DUMMY_PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$ysesf3OTEQ/Vm0oy8Jzjzw$iGjis0ib6gtpxelI5oMjNgXVg6AL34PYuGRYN1OWWuc';

/** Length in characters as people count them (code points), after the normalisation hashing uses. */
export const passwordLength = (password: string) => [...normalise(password)].length;

/** The PHC string of a new salted argon2id hash of `password`. */
export async function hashPassword(password: string, params: Argon2Params = PASSWORD_PARAMS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(password, salt, params, HASH_BYTES);
  return `$argon2id$v=19$m=${params.m},t=${params.t},p=${params.p}$${toB64(salt)}$${toB64(hash)}`;
}

/** Whether `password` matches the PHC string `stored`; false (never a throw) for a string it cannot read. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  const parsed = parsePhc(stored);
  if (!parsed) return false;
  const hash = await derive(password, parsed.salt, parsed.params, parsed.hash.length);
  let difference = 0;
  for (let i = 0; i < hash.length; i++) difference |= hash[i]! ^ parsed.hash[i]!;
  return difference === 0;
}

/** Whether a stored hash was made with weaker parameters than `params` (then the next login rehashes it). */
export function needsRehash(stored: string, params: Argon2Params = PASSWORD_PARAMS): boolean {
  const parsed = parsePhc(stored);
  return !parsed || parsed.params.m < params.m || parsed.params.t < params.t || parsed.params.p < params.p;
}

type Phc = { params: Argon2Params; salt: Uint8Array; hash: Uint8Array };

function parsePhc(stored: string): Phc | null {
  const match = /^\$argon2id\$v=19\$m=(\d{1,7}),t=(\d{1,3}),p=(\d{1,2})\$([A-Za-z0-9+/]{11,})\$([A-Za-z0-9+/]{22,})$/.exec(stored);
  if (!match) return null;
  const params = { m: Number(match[1]), t: Number(match[2]), p: Number(match[3]) };
  for (const key of ['m', 't', 'p'] as const) if (params[key] < LIMITS[key][0] || params[key] > LIMITS[key][1]) return null;
  if (params.m < 8 * params.p) return null;
  try {
    return { params, salt: fromB64(match[4]!), hash: fromB64(match[5]!) };
  } catch {
    return null;
  }
}

// NFKC, as NIST SP 800-63B asks: the same password typed on another keyboard or OS gives the same bytes.
const normalise = (password: string) => password.normalize('NFKC');

const derive = (password: string, salt: Uint8Array, params: Argon2Params, dkLen: number) =>
  argon2idAsync(normalise(password), salt, { ...params, dkLen, maxmem: LIMITS.m[1] * 1024 + 1024 * 1024 });

// PHC strings use standard base64 without padding.
const toB64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/=+$/, '');
const fromB64 = (text: string) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
