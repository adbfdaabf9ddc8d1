// IBANs, printed or electronic, kept only when ibantools validates them: length, BBAN format, mod-97, national checks.
import { countrySpecs, isValidIBAN } from 'ibantools';
import type { Finder, Span } from './spans.ts';

// A country code and check digits at a word start; the body is read below, up to the country's own length.
const START = String.raw`(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?=[ \u00a0]?[A-Za-z0-9])`;

/** Reads `length` letters or digits from `from`, allowing one space between groups; returns where they end. */
function readBody(text: string, from: number, length: number): number | null {
  let at = from;
  for (let read = 0; read < length; ) {
    const char = text[at];
    if (char === undefined) return null;
    if (/[A-Za-z0-9]/.test(char)) {
      read++;
      at++;
    } else if ((char === ' ' || char === '\u00a0') && read > 0 && /[A-Za-z0-9]/.test(text[at + 1] ?? '')) at++;
    else return null;
  }
  // The IBAN must end here, not run on into more letters or digits.
  return /[\p{L}\p{N}]/u.test(text[at] ?? '') ? null : at;
}

export function ibanFinder(): Finder {
  const start = new RegExp(START, 'gu');
  return (text) => {
    const spans: Span[] = [];
    for (const m of text.matchAll(start)) {
      const country = m[0].slice(0, 2).toUpperCase();
      const chars = countrySpecs[country]?.chars;
      if (!chars) continue;
      const bodyStart = m.index + 4 + (/[ \u00a0]/.test(text[m.index + 4] ?? '') ? 1 : 0);
      const end = readBody(text, bodyStart, chars - 4);
      if (end === null) continue;
      const electronic = text.slice(m.index, end).replace(/[ \u00a0]/g, '').toUpperCase();
      if (isValidIBAN(electronic)) spans.push({ kind: 'iban', start: m.index, end });
    }
    return spans;
  };
}
