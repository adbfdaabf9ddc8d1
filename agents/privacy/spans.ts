// The kinds of personal data the redactor removes, the spans detectors report, and how overlapping spans are settled.
import { z } from 'zod';

/** In priority order: where two detectors claim the same characters, the earlier kind keeps them. */
export const KINDS = ['email', 'iban', 'id-number', 'phone', 'address', 'name'] as const;
export const KindSchema = z.enum(KINDS);
export type Kind = z.infer<typeof KindSchema>;

/** Characters [start, end) of the original text that hold one item of personal data. */
export type Span = { kind: Kind; start: number; end: number };

/** What was removed, for the notice and the logs: never the data itself. */
export const FoundSchema = z.array(z.object({ kind: KindSchema, count: z.number().int().positive() }));
export type Found = z.infer<typeof FoundSchema>;

/** A detector: built once (its patterns compiled once), then called for each message. */
export type Finder = (text: string) => Span[];

export const placeholder = (kind: Kind): string => `[${kind}]`;

/** Keeps the spans no higher-priority span overlaps; among one kind, the earlier and longer span wins. */
export function settle(spans: readonly Span[]): Span[] {
  const ranked = [...spans].sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const span of ranked) {
    if (span.end <= span.start) continue;
    if (!kept.some((other) => span.start < other.end && other.start < span.end)) kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Replaces each span by its placeholder and leaves every other character as it was. */
export function replaceSpans(text: string, spans: readonly Span[]): string {
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + placeholder(span.kind);
    at = span.end;
  }
  return out + text.slice(at);
}

/** Counts per kind, in the order of KINDS, leaving out kinds that were not found. */
export function countKinds(spans: readonly Span[]): Found {
  return KINDS.map((kind) => ({ kind, count: spans.filter((span) => span.kind === kind).length })).filter((entry) => entry.count > 0);
}
