// The eval's questions cover every fact in every language, do not copy their passages, and recall stays above the floor.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGS } from '../../agents/language/languages.ts';
import { evaluateRetrieval, loadQuestions, questionsCopyingTheirPassage, type LanguageScore } from '../../eval/evaluate.ts';
import { loadFacts } from '../../eval/facts.ts';

const facts = loadFacts();
const floor = JSON.parse(readFileSync(new URL('../../eval/recall-floor.json', import.meta.url), 'utf8')) as Record<string, number>;

describe('eval questions', () => {
  it.each(LANGS)('in %s cover every fact, pointing at the fact\'s document', (lang) => {
    const questions = loadQuestions(lang);
    const byFact = new Map(questions.map((q) => [q.factId, q]));
    for (const fact of facts) {
      expect(byFact.get(fact.id)?.docId, `${lang} ${fact.id}`).toBe(fact.docId);
    }
    expect(questions.every((q) => q.lang === lang)).toBe(true);
  });

  it.each(LANGS)('in %s share at most half their content words (names aside) with the passage that answers them', async (lang) => {
    expect(await questionsCopyingTheirPassage(lang)).toEqual([]);
  });
});

describe('retrieval recall (lexical, through /api/search)', () => {
  let scores: LanguageScore[];
  beforeAll(async () => {
    scores = await evaluateRetrieval();
  });

  it.each(LANGS)('recall@5 in %s stays at or above the ratchet floor (never below 0.85)', (lang) => {
    const score = scores.find((s) => s.lang === lang)!;
    expect(floor[lang]).toBeGreaterThanOrEqual(0.85);
    expect(score.recallAt5).toBeGreaterThanOrEqual(floor[lang]!);
  });
});
