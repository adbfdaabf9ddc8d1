// Finds e-mail addresses: a local part, "@", and a domain whose last label is letters (so a trailing full stop stays text).
import type { Finder, Span } from './spans.ts';

const LOCAL_CHAR = String.raw`[\p{L}\p{N}._%+-]`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?`;
// Unicode letters on both sides: teachers' and parents' addresses may be internationalised (é, ë, ü).
const EMAIL = String.raw`[\p{L}\p{N}_%+-]+(?:\.[\p{L}\p{N}_%+-]+)*@${LABEL}(?:\.${LABEL})*\.\p{L}{2,24}(?![\p{L}\p{N}_-])`;

/** Reads only around each "@": back over the local part, then one anchored match, so long messages stay cheap. */
export function emailFinder(): Finder {
  const localChar = new RegExp(LOCAL_CHAR, 'u');
  const email = new RegExp(EMAIL, 'uy');
  return (text) => {
    const spans: Span[] = [];
    for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
      let start = at;
      while (start > 0 && localChar.test(text[start - 1]!)) start--;
      while (text[start] === '.') start++;
      email.lastIndex = start;
      const m = email.exec(text);
      if (m) {
        spans.push({ kind: 'email', start, end: start + m[0].length });
        at = start + m[0].length - 1;
      }
    }
    return spans;
  };
}
