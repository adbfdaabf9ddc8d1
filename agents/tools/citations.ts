// The passages a turn has shown the model, numbered once each, so [n] in the answer maps to one source.
import type { SearchResult } from '../retrieval/search.ts';
import { toSources, type Source } from '../answer/sources.ts';

export type Citations = {
  /** Adds passages (once each) and returns them with their numbers. */
  add(passages: SearchResult[]): { n: number; passage: SearchResult }[];
  sources(): Source[];
};

export function createCitations(initial: SearchResult[] = []): Citations {
  const passages: SearchResult[] = [];
  const numbers = new Map<string, number>();
  const add = (more: SearchResult[]) =>
    more.map((passage) => {
      let n = numbers.get(passage.chunkId);
      if (n === undefined) {
        passages.push(passage);
        n = passages.length;
        numbers.set(passage.chunkId, n);
      }
      return { n, passage };
    });
  add(initial);
  return { add, sources: () => toSources(passages) };
}

/** Passages as the model reads them: numbered, titled, with their section. */
export function formatPassages(numbered: { n: number; passage: SearchResult }[]): string {
  return numbered
    .map(({ n, passage }) => `[${n}] ${passage.title}${passage.headingPath.length ? ` — ${passage.headingPath.join(' > ')}` : ''}\n${passage.text}`)
    .join('\n\n');
}
