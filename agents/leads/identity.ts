// Who a lead is for de-duplication: email + organisation, normalised and hashed, so a repeat is recognised.
import { sha256Hex } from '../security/tokens.ts';
import { normaliseText } from './vocabulary.ts';

/** A lead from the same email and organisation within this window is marked as a possible duplicate for staff. */
export const DEDUPE_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

/** SHA-256 of the lower-cased email and the normalised organisation name ("Café Lëtz S.A." = "cafe letz sa"). */
export function dedupeKey(email: string, organisation: string): string {
  return sha256Hex(`${email.trim().toLowerCase()}\n${normaliseText(organisation).replace(/[@.+]/g, '').replace(/\s+/g, ' ').trim()}`);
}
