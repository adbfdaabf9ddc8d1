// Luxembourg's 13-digit national identification number: a birth date, a serial, a Luhn and a Verhoeff check digit.
// Found by its shape, birth date and check digits, or, mistyped, by a word that names it.
import type { Finder, Span } from './spans.ts';

/** Luhn (ISO/IEC 7812) check digit for a string of digits. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    const d = Number(digits[i]) * (double ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return (10 - (sum % 10)) % 10;
}

// Verhoeff's dihedral-group tables (multiplication, permutation, inverse).
const D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1], [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
] as const;
const P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1], [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
] as const;
const INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9] as const;

/** Verhoeff check digit for a string of digits. */
export function verhoeffCheckDigit(digits: string): number {
  let c = 0;
  for (let i = 0; i < digits.length; i++) c = D[c]![P[(i + 1) % 8]![Number(digits[digits.length - 1 - i])]!]!;
  return INV[c]!;
}

/** A real calendar date (leap years included) in the range a living person's number can carry. */
function isBirthDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether 13 digits (separators already removed) open with a birth date, as a national number does. */
function opensWithBirthDate(digits: string): boolean {
  return /^\d{13}$/.test(digits) && isBirthDate(Number(digits.slice(0, 4)), Number(digits.slice(4, 6)), Number(digits.slice(6, 8)));
}

/** True when 13 digits (separators already removed) carry a birth date, a Luhn digit and a Verhoeff digit. */
export function isValidNationalId(digits: string): boolean {
  if (!opensWithBirthDate(digits)) return false;
  const base = digits.slice(0, 11);
  return luhnCheckDigit(base) === Number(digits[11]) && verhoeffCheckDigit(base) === Number(digits[12]);
}

// Written whole or grouped as on the card and in forms: "1985031512371", "1985 0315 123 71", "1985 03 15 123 71";
// or grouped any other way when the run of digits is exactly 13 long ("1985 031 512 371").
const CANDIDATES = [
  String.raw`(?<![\p{L}\p{N}.,/-])\d{4}[ .]?\d{2}[ .]?\d{2}[ .]?\d{3}[ .]?\d{2}(?![\p{L}\p{N}]|[.,/-]\d)`,
  String.raw`(?<![\p{L}\p{N}.,/-]|\d[ .])\d(?:[ .]?\d){12}(?![ .]?\d|[\p{L}\p{N}]|[,/-]\d)`,
];

// Words that name an identification number, in the four languages, just before it.
const ID_CUE = /(?:matricul|matrikel|identifi|\bid\b|\bcns\b|s[ée]curit[ée] sociale|social security|national (?:id|number)|num[ée]ro national|sozialversicherung|sozialvers[ée]cherung|personalausweis|ausweis)[^\d]{0,25}$/iu;

export function nationalIdFinder(): Finder {
  const candidates = CANDIDATES.map((source) => new RegExp(source, 'gu'));
  return (text) => {
    const spans: Span[] = [];
    for (const candidate of candidates) {
      for (const m of text.matchAll(candidate)) {
        const span = { kind: 'id-number' as const, start: m.index, end: m.index + m[0].length };
        const digits = m[0].replace(/\D/g, '');
        // Mistyped in its check digits, a number that says it is one ("Matrikel 1990 0101 12345") still carries a
        // person's birth date; an order number of the same shape says nothing of the kind and stays.
        const named = opensWithBirthDate(digits) && ID_CUE.test(text.slice(Math.max(0, m.index - 40), m.index));
        if ((named || isValidNationalId(digits)) && !spans.some((s) => s.start < span.end && span.start < s.end)) spans.push(span);
      }
    }
    return spans;
  };
}
