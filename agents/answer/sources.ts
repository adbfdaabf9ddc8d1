// Sources as the client sees them: numbered in citation order, each with a short snippet. Pure.
import type { SearchResult } from '../retrieval/search.ts';

export type Source = { n: number; docId: string; title: string; lang: string; url?: string; snippet: string };

const SNIPPET_CHARS = 240;

const flatten = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The start of `text` with its spaces flattened, cut at a word within `max` characters. Only a prefix long enough
 * for the snippet is flattened, not the whole passage (a turn's passages are kilobytes each, read for 240 characters).
 */
export function snippetOf(text: string, max = SNIPPET_CHARS): string {
  let end = 2 * max;
  let flat = flatten(text.slice(0, end));
  // Collapsed spaces can leave a prefix shorter than the snippet while the text goes on.
  while (flat.length <= max && end < text.length) flat = flatten(text.slice(0, (end *= 2)));
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}

export function toSources(passages: SearchResult[]): Source[] {
  return passages.map((passage, index) => ({
    n: index + 1,
    docId: passage.docId,
    title: passage.title,
    lang: passage.lang,
    ...(passage.url ? { url: passage.url } : {}),
    snippet: snippetOf(passage.text),
  }));
}

/** Citation markers [n] used in a text that point at a real source. */
export function citedNumbers(text: string, sources: Source[]): number[] {
  const valid = new Set(sources.map((source) => source.n));
  return [...new Set([...text.matchAll(/\[(\d{1,2})\]/g)].map((m) => Number(m[1])))].filter((n) => valid.has(n));
}
