// Phone numbers: number-shaped text is screened for dates, amounts and years, then libphonenumber-js decides.

// It knows Luxembourg's national forms (whatever their length), every country in international form (+… or 00…),
// and the trunk-prefixed forms of the neighbours (France, Belgium, Germany). The `max` metadata, not `min`: `min`
// checks only lengths, and Luxembourg allows 4 to 11 digits, so years, codes and plain counts would pass; `max`
// checks the digits against each numbering plan and tells mobiles from fixed lines, which the rules below use. It
// adds about 72 KiB minified (20 KiB gzipped) over `min`.
import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import type { Finder, Span } from './spans.ts';

// Digit groups with the separators people type between them, optionally opened by +, 00 or "(+352)"; "(0)" and "(030)"
// inside. A slash between spaces separates two numbers ("26 12 34 56 / 621 123 456"), so it ends a run.
const RUN = String.raw`(?<![\p{L}\p{N}_@+\-./,])(?:\(\+\d{1,3}\)[ \u00a0]?|\+)?\(?\d+(?:\)\d*)?(?:(?:[ \u00a0]?[-.–][ \u00a0]?|\/|[ \u00a0])\(?\d+(?:\)\d*)?)*(?![\p{L}\p{N}_@])`;
// The neighbours' national forms, with the digit counts (trunk 0 included) their numbers can have.
const NEIGHBOURS: readonly { country: CountryCode; digits: readonly number[] }[] = [
  { country: 'FR', digits: [10] },
  { country: 'BE', digits: [9, 10] },
  { country: 'DE', digits: [6, 7, 8, 9, 10, 11, 12, 13, 14] },
];
// Words that announce a number, so that a short or unseparated one is still taken for a phone number.
const CUE = /(?:\b(?:tel|tél|phone|call|ring|mobile|gsm|cell|handy|portable|téléphone|appel\w*|joignable|telefon\w*|nummer|anrufen|erreichbar|uruff\w*|rufft|ruff)\b|\bnum[ée]ro)[^\n\d]{0,20}$/iu;
const CURRENCY_AFTER = /^[ \u00a0]?(?:€|eur\b|euros?\b|chf\b|usd\b|\$|£|%|mio\b|millions?\b|milliards?\b|km\b|kg\b|m\b)/i;
const CURRENCY_BEFORE = /(?:€|\beur|\bchf|\$|£)[ \u00a0]?$/i;

const digitsOf = (raw: string) => raw.replace(/\D/g, '');

/** Shapes that are not phone numbers whatever their digits: dates, year ranges, times of day. */
function isDateOrYears(raw: string): boolean {
  return (
    /^\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?$/.test(raw) ||
    /^\d{4}[./-]\d{1,2}[./-]\d{1,2}$/.test(raw) ||
    /^\d{1,2} \d{1,2} (?:19|20)\d{2}$/.test(raw) ||
    /^(?:(?:19|20)\d{2}(?:[ \u00a0]?[-–/][ \u00a0]?|[ \u00a0]))+(?:(?:19|20)?\d{2})$/.test(raw)
  );
}

const looksLikeThousands = (raw: string) => /^\d{1,3}(?:[ \u00a0.,]\d{3})+$/.test(raw);

/**
 * At most this many library checks per message: a real message needs a handful, and one check of a long German
 * number costs up to 50 µs. Past it, text that passed every shape rule is removed unchecked: on number soup,
 * redaction errs towards removing, and a 4,000-character message stays within a few milliseconds.
 */
const CHECKS_PER_MESSAGE = 60;
type Budget = { checks: number };

function parse(raw: string, budget: Budget, country?: CountryCode): PhoneNumber | 'unchecked' | undefined {
  if (budget.checks-- <= 0) return 'unchecked';
  const text = raw.replace(/^\(?00(?=[1-9])/, '+').replace(/^\((\+\d{1,3})\)/, '$1');
  // extract: false — the whole stretch must be the number, not merely contain one.
  const number = parsePhoneNumberFromString(text, { defaultCountry: country, extract: false });
  return number?.isValid() ? number : undefined;
}

type Plan = 'international' | 'neighbour' | 'luxembourg';

/** Which numbering plan a stretch could belong to, from its shape alone; null when it cannot be a phone number. */
function planFor(raw: string, digits: string): Plan | null {
  if (!/^[\d+(]/.test(raw) || !/[\d)]$/.test(raw) || digits.length < 4 || digits.length > 15) return null;
  if (/^\(?\+/.test(raw) || /^\(?00[1-9]/.test(raw)) return digits.length >= 7 ? 'international' : null;
  if (/^\(?0/.test(raw)) return digits.length >= 6 ? 'neighbour' : null;
  // Luxembourg's national numbers have 4 to 11 digits and start with 2 to 9.
  return digits.length <= 11 && /^[2-9]/.test(digits) ? 'luxembourg' : null;
}

/** Shapes and neighbours that rule a stretch out whatever its digits: dates, years, amounts, the inside of an IBAN. */
function ruledOut(raw: string, before: string, after: string): boolean {
  if (isDateOrYears(raw)) return true;
  // Phone numbers are grouped with spaces or with dots, not both: "2.4.1 140" or "15.03.2024 09" are not one.
  const words = raw.split(/[ \u00a0]+/);
  if (words.length > 1 && words.some((word) => /[./]/.test(word) || isDateOrYears(word))) return true;
  if (CURRENCY_AFTER.test(after) || CURRENCY_BEFORE.test(before)) return true;
  // Digits inside an IBAN-shaped sequence ("LU28 0019 4006 …") belong to it, valid or mistyped, never to a phone number.
  return /[A-Za-z]{2}\d{2}[ \u00a0]?(?:[A-Za-z0-9]{4}[ \u00a0]?)*$/.test(before);
}

/**
 * Whether a stretch of digit groups is a phone number, given the text just before and after it. The cheap shape
 * rules come first so that most stretches are turned down before the library parses anything.
 */
function isPhone(raw: string, before: string, after: string, budget: Budget): boolean {
  const digits = digitsOf(raw);
  const plan = planFor(raw, digits);
  if (!plan || ruledOut(raw, before, after)) return false;
  if (plan === 'international') return Boolean(parse(raw, budget));
  if (plan === 'neighbour') return NEIGHBOURS.some(({ country, digits: counts }) => counts.includes(digits.length) && parse(raw, budget, country));
  const mobileShape = digits.length === 9 && digits.startsWith('6');
  const plain = /^\d+$/.test(raw);
  const cue = () => CUE.test(before);
  // "2 500 000", "1.234.567": thousands, unless the digits are shaped like a mobile number (621 123 456).
  if (looksLikeThousands(raw) && !mobileShape) return false;
  // Switchboard numbers with an extension, "4796-1": short, but the hyphen makes the shape a phone number's.
  if (digits.length < 6 && !/^\d{4,5}-\d{1,3}$/.test(raw) && !cue()) return false;
  // Unseparated digits are often references or amounts: take a mobile, a full 8-digit landline, or an announced number.
  if (plain && !mobileShape && digits.length !== 8 && !cue()) return false;
  const number = parse(raw, budget, 'LU');
  if (!number) return false;
  if (number === 'unchecked') return true;
  // Shaped like a mobile but not one by the numbering plan: an amount or a reference, unless announced.
  return !(mobileShape && (plain || looksLikeThousands(raw)) && number.getType() !== 'MOBILE') || cue();
}

/** Leaves out parentheses that only enclose the number ("(621 123 456)", "… 56 78)"); keeps "(+352) 621 …", "(0)30 …". */
function unwrap(text: string, start: number, end: number): [number, number] {
  const raw = text.slice(start, end);
  const close = raw.indexOf(')');
  if (raw.startsWith('(') && (close === -1 || close === raw.length - 1)) start++;
  if (raw.endsWith(')') && (!raw.includes('(') || (raw.startsWith('(') && close === raw.length - 1))) end--;
  return [start, end];
}

// The words of a run, split at plain spaces; "(+352) 4796-1" and "978-3-16-148410-0" are one word each.
const WORD = String.raw`(?:\(\+\d{1,3}\)[ \u00a0]?)?[^ \u00a0]+`;

/**
 * The phone numbers in one run: from each word on, the longest stretch of words (15 digits at most) that is a phone
 * number is taken, so "621 123 456 2 times" gives one number; a word is never cut, so an ISBN gives none.
 */
function phonesInRun(text: string, at: number, run: string, word: RegExp, budget: Budget): Span[] {
  const spans: Span[] = [];
  const words = [...run.matchAll(word)].map((w) => ({
    start: at + w.index,
    end: at + w.index + w[0].length,
    digits: digitsOf(w[0]).length,
    // A dotted or dated word ("2.4.1", "15.03.2024") can be a number on its own but never part of a longer one.
    joins: !/[./]/.test(w[0]) && !isDateOrYears(w[0]),
  }));
  for (let i = 0; i < words.length; ) {
    let last = i;
    let digits = words[i]!.digits;
    while (words[i]!.joins && words[last + 1]?.joins && digits + words[last + 1]!.digits <= 15) digits += words[++last]!.digits;
    let found = -1;
    let span: Span | null = null;
    for (let j = last; j >= i && !span && digits >= 4; digits -= words[j]!.digits, j--) {
      const [start, end] = unwrap(text, words[i]!.start, words[j]!.end);
      if (isPhone(text.slice(start, end), text.slice(Math.max(0, start - 40), start), text.slice(end, end + 12), budget)) {
        span = { kind: 'phone', start, end };
        found = j;
      }
    }
    if (span) spans.push(span);
    i = found >= 0 ? found + 1 : i + 1;
  }
  return spans;
}

export function phoneFinder(): Finder {
  const runs = new RegExp(RUN, 'gu');
  const word = new RegExp(WORD, 'g');
  return (text) => {
    if (!/\d{2}/.test(text)) return [];
    const budget: Budget = { checks: CHECKS_PER_MESSAGE };
    // Most runs are a year, a time or a count: fewer than four digits, or one word the plans turn down, is no number.
    return [...text.matchAll(runs)].flatMap((run) =>
      (run[0].length < 4 || /^[\d.,:/-]+$/.test(run[0])) && !planFor(run[0], digitsOf(run[0])) ? [] : phonesInRun(text, run.index, run[0], word, budget),
    );
  };
}
