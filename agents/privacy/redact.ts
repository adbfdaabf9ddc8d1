// Redaction before a teacher's message is stored, logged or sent to a model: only the spans found are replaced.
import type { Lang } from '../language/languages.ts';
import { addressFinder } from './addresses.ts';
import { emailFinder } from './emails.ts';
import { ibanFinder } from './ibans.ts';
import { nationalIdFinder } from './national-id.ts';
import { phoneFinder } from './phones.ts';
import { commonGivenNames } from './given-names.ts';
import { pupilNamesByPattern, type NameFinder } from './pupil-names.ts';
import { countKinds, replaceSpans, settle, type Found, type Span } from './spans.ts';

export type RedactOptions = {
  /** Where pupils' names are; defaults to the pattern adapter and common given names. Pass several to combine, e.g. a class list too. */
  names?: readonly NameFinder[];
};

export type Redaction = { text: string; found: Found };
export type Redactor = (text: string, lang: Lang) => Redaction;

/**
 * Every detector reads the original text; overlaps are settled by kind (an IBAN is never also a phone number) and
 * only the spans found change. The detectors are compiled here, once (about 0.3 ms): the app keeps one redactor per
 * isolate and calls it for each message.
 */
export function createRedactor(options: RedactOptions = {}): Redactor {
  const finders = [emailFinder(), ibanFinder(), nationalIdFinder(), phoneFinder(), addressFinder()];
  const names = options.names ?? [pupilNamesByPattern(), commonGivenNames()];
  return (text, lang) => {
    const spans: Span[] = [
      ...finders.flatMap((find) => find(text)),
      ...names.flatMap((find) => find(text, lang).map(({ start, end }) => ({ kind: 'name' as const, start, end }))),
    ];
    const kept = settle(spans);
    return { text: replaceSpans(text, kept), found: countKinds(kept) };
  };
}

/** One-off redaction (compiles the detectors for this call); use createRedactor for a stream of messages. */
export function redact(text: string, lang: Lang, options: RedactOptions = {}): Redaction {
  return createRedactor(options)(text, lang);
}
