// The shape of the hand-written redaction cases and the precision/recall they are scored with.
import type { Lang } from '../../../agents/language/languages.ts';

/** [message, the message as it must come out]; the placeholders in the second name the kinds expected. */
export type Positive = readonly [input: string, expected: string];

export type LangCases = { lang: Lang; positives: readonly Positive[]; negatives: readonly string[] };

export const KINDS = ['email', 'phone', 'iban', 'id-number', 'address', 'name'] as const;
export type CaseKind = (typeof KINDS)[number];

/** How many of each placeholder a text holds, e.g. "[name] at [email]" → { name: 1, email: 1 }. */
export function placeholderCounts(text: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [, kind] of text.matchAll(/\[(email|phone|iban|id-number|address|name)\]/g)) counts[kind!] = (counts[kind!] ?? 0) + 1;
  return counts;
}

export type Score = { tp: number; fp: number; fn: number; exact: number; cases: number; misses: string[] };

/** Scores kind counts per case: a detection of the right kind is a true positive, an extra one a false positive. */
export function score(outcomes: { input: string; expected: string; actual: string; found: Record<string, number> }[]): Score {
  const result: Score = { tp: 0, fp: 0, fn: 0, exact: 0, cases: outcomes.length, misses: [] };
  for (const { input, expected, actual, found } of outcomes) {
    const want = placeholderCounts(expected);
    for (const kind of KINDS) {
      const w = want[kind] ?? 0;
      const f = found[kind] ?? 0;
      result.tp += Math.min(w, f);
      result.fp += Math.max(0, f - w);
      result.fn += Math.max(0, w - f);
    }
    if (actual === expected) result.exact += 1;
    else result.misses.push(`${JSON.stringify(input)}\n      → ${JSON.stringify(actual)}\n   want ${JSON.stringify(expected)}`);
  }
  return result;
}

export const ratio = (part: number, whole: number): number => (whole === 0 ? 1 : part / whole);
