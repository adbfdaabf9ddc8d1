import { describe, expect, it } from 'vitest';
import { assessQuestion, supportsAnswer, type TermStats } from '../../../agents/answer/confidence.ts';
import type { SearchResult } from '../../../agents/retrieval/search.ts';

const passage = (title: string, text: string): SearchResult => ({ docId: 'd', chunkId: 'd:en:0', title, lang: 'en', score: 1, text, headingPath: [], lexical: null });
/** Stats of a knowledge of 100 chunks in which each listed stem is in that many of them. */
const stats = (counts: Record<string, number>): TermStats => ({ total: 100, byPrefix: new Map(Object.entries(counts)) });

describe('supportsAnswer', () => {
  it('takes a word the passage is titled by as its topic, however common the word is in the knowledge', () => {
    const question = assessQuestion('number of pillars', 'en');
    const text = 'The catalogue has 6 pillars that cover a project from idea to deployment.';
    const common = stats({ numb: 3, pilla: 40 });
    expect(supportsAnswer(question, passage('Pillars of the catalogue', text), common)).toBe(true);
    expect(supportsAnswer(question, passage('The catalogue', text), common)).toBe(false);
  });

  it('counts a word found only as a synonym as half of it: "capital" is not "financial"', () => {
    const question = assessQuestion('What is the capital of Germany?', 'en');
    const known = stats({ capit: 1, germa: 2 });
    expect(supportsAnswer(question, passage('Funding', 'Financial support lowers the risk of a project.'), known)).toBe(false);
    expect(supportsAnswer(question, passage('Funding', 'Venture capital lowers the risk of a project.'), known)).toBe(true);
  });
});
