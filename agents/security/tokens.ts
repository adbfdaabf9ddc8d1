// Random tokens, their SHA-256 fingerprints and constant-time comparison: one implementation for every secret.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** `bytes` random bytes, base64url without padding: shown once, only its hash is stored. */
export function randomToken(bytes: number): string {
  const random = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...random)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export const sha256Hex = (text: string) => bytesToHex(sha256(utf8ToBytes(text)));

/**
 * Equal strings, in time that depends on neither the contents nor the lengths: both sides are hashed to 32 bytes
 * first, and every byte is compared.
 */
export function sameSecret(expected: string, presented: string): boolean {
  const a = sha256(utf8ToBytes(expected));
  const b = sha256(utf8ToBytes(presented));
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}

/**
 * Equal digests: both are hex of one hash function, so their length is public and the comparison only has to hide
 * where they differ. `sameSecret` would hash both again (two SHA-256 more on every follow-up turn's token check).
 */
function sameDigest(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/** Whether `token` is the one whose SHA-256 hex is stored as `hash`. */
export const matchesHash = (hash: string, token: string | null | undefined): boolean => !!token && sameDigest(hash, sha256Hex(token));

/** Whether `token` hashes to one of the stored `hashes`; every hash is compared, so the position leaks nothing. */
export function tokenMatchesAny(hashes: readonly string[], token: string | null | undefined): boolean {
  if (!token) return false;
  const digest = sha256Hex(token);
  let found = false;
  for (const hash of hashes) found = sameDigest(hash, digest) || found;
  return found;
}

/** The token of an `Authorization: Bearer …` header, if it has one. */
export function bearerToken(authorization: string | null | undefined): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
}
