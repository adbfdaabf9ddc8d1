// Luxembourgish spelling: every word of knowledge/lb is in dictionary-lb (hunspell) or in the reviewed allow-list.
import { describe, expect, it } from 'vitest';
import { readKnowledgeDocs } from '../../eval/knowledge.ts';
import { lbSpelling } from '../support/lb-spelling.ts';

describe('Luxembourgish spelling', () => {
  it('has no word outside the dictionary and the allow-list, per document', () => {
    const unknownWords = lbSpelling();
    const unknown: Record<string, string[]> = {};
    for (const [id, body] of readKnowledgeDocs('lb')) {
      const misses = unknownWords(body);
      if (misses.length) unknown[id] = misses;
    }
    expect(unknown).toEqual({});
  });
});
