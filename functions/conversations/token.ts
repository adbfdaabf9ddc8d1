// Conversation tokens: 128 random bits shown once; only their SHA-256 is stored and compared in constant time.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export const hashToken = (token: string) => bytesToHex(sha256(utf8ToBytes(token)));

export function tokenMatches(storedHash: string, token: string | undefined): boolean {
  if (!token) return false;
  const candidate = hashToken(token);
  if (candidate.length !== storedHash.length) return false;
  let difference = 0;
  for (let i = 0; i < candidate.length; i++) difference |= candidate.charCodeAt(i) ^ storedHash.charCodeAt(i);
  return difference === 0;
}

/** The token from `Authorization: Bearer …`, else from the body. */
export function presentedToken(authorization: string | undefined, bodyToken?: string): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return match?.[1] ?? bodyToken;
}
