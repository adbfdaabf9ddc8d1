// The passages a search did not show, of the documents it found: what the offline answerer may quote besides them.
import { describe, expect, it } from 'vitest';
import type { KnowledgeSnapshot } from '../../../agents/retrieval/knowledge-snapshot.ts';
import { otherPassages, type SearchResult } from '../../../agents/retrieval/search.ts';
import { indexedText, type ChunkRow } from '../../../db/queries/knowledge.ts';

const row = (id: number, docId: string, lang: string, n: number): ChunkRow => ({
  id,
  chunkId: `${docId}:${lang}:${n}`,
  docId,
  lang,
  title: `${docId} (${lang})`,
  headingPath: [`part ${n}`],
  text: `Passage ${n} of ${docId} in ${lang}.`,
  url: docId === 'a' ? `https://example.org/${lang}/a` : null,
  indexed: indexedText('', ''),
});

// Ids out of document order on purpose: a document's passages come back in the order of their ids.
const rows = [row(3, 'a', 'en', 2), row(1, 'a', 'en', 0), row(2, 'a', 'en', 1), row(4, 'a', 'fr', 0), row(5, 'b', 'en', 0), row(6, 'b', 'en', 1), row(7, 'c', 'en', 0)];
const knowledge: KnowledgeSnapshot = { rows: new Map(rows.map((one) => [one.id, one])), vectors: new Map(), vocabulary: () => new Map() };

const shown = (chunk: ChunkRow): SearchResult => ({ docId: chunk.docId, chunkId: chunk.chunkId, title: chunk.title, lang: 'en', score: 0.03, text: chunk.text, headingPath: chunk.headingPath, lexical: 2.5 });

describe('otherPassages', () => {
  it("gives the found documents' other passages in the results' language, in document order, unscored", () => {
    const others = otherPassages(knowledge, [shown(rows[2]!), shown(rows[5]!)]);
    expect(others.map((one) => one.chunkId)).toEqual(['a:en:0', 'a:en:2', 'b:en:0']);
    expect(others[0]).toEqual({ docId: 'a', chunkId: 'a:en:0', title: 'a (en)', lang: 'en', score: 0, text: 'Passage 0 of a in en.', headingPath: ['part 0'], url: 'https://example.org/en/a', lexical: null, indexed: indexedText('', '') });
    expect(others[2]).not.toHaveProperty('url');
  });

  it('gives nothing for no results, or for a document shown whole', () => {
    expect(otherPassages(knowledge, [])).toEqual([]);
    expect(otherPassages(knowledge, [shown(rows[6]!)])).toEqual([]);
  });
});
