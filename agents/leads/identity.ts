// Who a lead is for de-duplication (email + organisation, hashed), and the random withdraw tokens stored hashed.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { normaliseText } from './vocabulary.ts';

/** The same email and organisation within this window update the existing lead instead of creating one. */
export const DEDUPE_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

const hex = (text: string) => bytesToHex(sha256(utf8ToBytes(text)));

/** SHA-256 of the lower-cased email and the normalised organisation name ("Café Lëtz S.A." = "cafe letz sa"). */
export function dedupeKey(email: string, organisation: string): string {
  return hex(`${email.trim().toLowerCase()}\n${normaliseText(organisation).replace(/[@.+]/g, '').replace(/\s+/g, ' ').trim()}`);
}

/** 256 random bits, base64url: shown once in the withdraw link, only its hash is stored. */
export function newWithdrawToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export const hashToken = (token: string) => hex(token);

/** Whether `token` hashes to one of `hashes`, comparing every byte of every hash (no early exit). */
export function tokenMatchesAny(hashes: readonly string[], token: string | null | undefined): boolean {
  if (!token) return false;
  const presented = hashToken(token);
  let found = 0;
  for (const stored of hashes) {
    let difference = stored.length ^ presented.length;
    for (let i = 0; i < presented.length; i++) difference |= (stored.charCodeAt(i) || 0) ^ presented.charCodeAt(i);
    found |= difference === 0 ? 1 : 0;
  }
  return found === 1;
}
