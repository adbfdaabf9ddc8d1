// The teachers' knowledge: every fact of eval/edu/facts.json is in its edu document in all four languages, the edu
// documents are parallel and for teachers, and the teachers' questions cover every fact without copying their
// passage, with recall above the floor.
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../../agents/language/languages.ts';
import { parseDocument } from '../../agents/retrieval/document.ts';
import type { LanguageScore } from '../../eval/evaluate.ts';
import { containsKey } from '../../eval/facts.ts';
import { knowledgeFolder, readKnowledgeDocs } from '../../eval/knowledge.ts';
import { EDU_QUESTIONS, loadEduQuestions } from '../../eval/edu/evaluate.ts';
import { evaluateRetrieval, questionsCopyingTheirPassage } from '../../eval/evaluate.ts';
import { eduFactKey, loadEduFacts } from '../../eval/edu/facts.ts';

const facts = loadEduFacts();
const floor = JSON.parse(readFileSync(new URL('../../eval/edu/recall-floor.json', import.meta.url), 'utf8')) as Record<string, number>;
const eduIds = (lang: Lang) => readdirSync(knowledgeFolder(lang)).filter((n) => /^edu-.*\.md$/.test(n)).map((n) => n.slice(0, -3)).sort();
const seeds = new Set(readdirSync(new URL('../../../shared/seeds/', import.meta.url)).filter((n) => n.endsWith('.txt')));

describe('teachers\' facts inventory', () => {
  it('has at least 40 facts with unique ids, each from a seed or from the GDPR or the AI Act', () => {
    expect(facts.length).toBeGreaterThanOrEqual(40);
    expect(new Set(facts.map((f) => f.id)).size).toBe(facts.length);
    for (const fact of facts) if (fact.seed) expect(seeds.has(fact.seed), `${fact.id} ${fact.seed}`).toBe(true);
    expect(facts.some((f) => f.law?.includes('2016/679'))).toBe(true);
    expect(facts.some((f) => f.law?.includes('2024/1689'))).toBe(true);
  });

  it('gives every edu document at least one fact, and names only edu documents', () => {
    expect(new Set(facts.map((f) => f.docId))).toEqual(new Set(eduIds('en')));
  });

  it.each(LANGS)('every fact\'s key term is in its document in %s', (lang) => {
    const docs = readKnowledgeDocs(lang);
    const missing = facts.filter((fact) => !containsKey(docs.get(fact.docId) ?? '', eduFactKey(fact, lang))).map((f) => `${f.id} ${f.docId}: ${eduFactKey(f, lang)}`);
    expect(missing).toEqual([]);
  });
});

describe('teachers\' documents', () => {
  it('have the same edu- ids in all four languages, 6 to 8 of them', () => {
    for (const lang of LANGS) expect(eduIds(lang), lang).toEqual(eduIds('en'));
    expect(eduIds('en').length).toBeGreaterThanOrEqual(6);
    expect(eduIds('en').length).toBeLessThanOrEqual(8);
  });

  it.each(LANGS)('in %s are for teachers, machine-reviewed, and cite the legal texts of their facts', (lang) => {
    for (const id of eduIds(lang)) {
      const doc = parseDocument(readFileSync(new URL(`${id}.md`, knowledgeFolder(lang)), 'utf8'), `${lang}/${id}.md`);
      expect(doc.audience, id).toEqual(['teacher']);
      expect(doc.review, id).toBe('machine');
      const sources = doc.source.join(' ');
      for (const fact of facts.filter((f) => f.docId === id)) {
        if (fact.seed) expect(sources, `${id} ${fact.id}`).toContain(fact.seed);
        else expect(sources, `${id} ${fact.id}`).toContain(fact.law!.includes('2016/679') ? '2016/679' : '2024/1689');
      }
    }
  });
});

describe('teachers\' eval questions', () => {
  it.each(LANGS)('in %s cover every fact once, pointing at the fact\'s document', (lang) => {
    const questions = loadEduQuestions(lang);
    expect(questions.length).toBe(facts.length);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    const byFact = new Map(questions.map((q) => [q.factId, q]));
    for (const fact of facts) expect(byFact.get(fact.id)?.docId, `${lang} ${fact.id}`).toBe(fact.docId);
    expect(questions.every((q) => q.lang === lang)).toBe(true);
  });

  it.each(LANGS)('in %s share at most half their content words (names aside) with the passage that answers them', async (lang) => {
    expect(await questionsCopyingTheirPassage(lang, 0.5, EDU_QUESTIONS)).toEqual([]);
  });
});

describe('teachers\' retrieval recall (lexical, through /api/search for the education assistant)', () => {
  let scores: LanguageScore[];
  beforeAll(async () => {
    scores = await evaluateRetrieval(undefined, EDU_QUESTIONS);
  });

  it.each(LANGS)('recall@5 in %s stays at or above the floor (never below 0.85)', (lang) => {
    const score = scores.find((s) => s.lang === lang)!;
    expect(floor[lang]).toBeGreaterThanOrEqual(0.85);
    expect(score.recallAt5, JSON.stringify(score.misses)).toBeGreaterThanOrEqual(floor[lang]!);
  });
});
