// Retrieval evaluation of the teachers' knowledge: every edu question through GET /api/search, lexical mode, as
// eval/evaluate.ts does for the public questions; and the check that no question copies the passage answering it.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { chunkDocument, parseDocument } from '../../agents/retrieval/document.ts';
import { LANGS, type Lang } from '../../agents/language/languages.ts';
import { makeApp } from '../../test/support/app.ts';
import { QuestionSchema, wordOverlap, type Copying, type LanguageScore, type Question } from '../evaluate.ts';
import { containsKey } from '../facts.ts';
import { knowledgeFolder, readKnowledgeDocs } from '../knowledge.ts';
import { eduFactKey, loadEduFacts } from './facts.ts';

export function loadEduQuestions(lang: Lang): Question[] {
  return z.array(QuestionSchema).parse(JSON.parse(readFileSync(new URL(`./questions/${lang}.json`, import.meta.url), 'utf8')));
}

/** Questions that share more than half their content words (names aside) with the chunk stating their fact. */
export async function eduQuestionsCopyingTheirPassage(lang: Lang, limit = 0.5): Promise<Copying[]> {
  const facts = new Map(loadEduFacts().map((fact) => [fact.id, fact]));
  const copying: Copying[] = [];
  for (const q of loadEduQuestions(lang)) {
    const fact = facts.get(q.factId);
    if (!fact) continue;
    const raw = readFileSync(new URL(`${q.docId}.md`, knowledgeFolder(lang)), 'utf8');
    const chunks = await chunkDocument(parseDocument(raw, q.docId));
    const chunk = chunks.find((c) => containsKey(`${c.title}\n${c.headingPath.join('\n')}\n${c.text}`, eduFactKey(fact, lang)));
    const overlap = chunk ? wordOverlap(q.question, chunk.text, lang) : 0;
    if (overlap > limit) copying.push({ id: q.id, overlap: Number(overlap.toFixed(2)), question: q.question, fact: fact.fact });
  }
  return copying;
}

/** recall@1, recall@5 and MRR per language; a hit is the expected document or another that states the same fact. */
export async function evaluateEduRetrieval(langs: readonly Lang[] = LANGS): Promise<LanguageScore[]> {
  const { app, dispose } = await makeApp({ env: { LLM_MODE: 'offline' } });
  try {
    const facts = new Map(loadEduFacts().map((fact) => [fact.id, fact]));
    const scores: LanguageScore[] = [];
    for (const lang of langs) {
      const questions = loadEduQuestions(lang);
      const docs = readKnowledgeDocs(lang);
      let hit1 = 0;
      let hit5 = 0;
      let strict5 = 0;
      let reciprocal = 0;
      const misses: LanguageScore['misses'] = [];
      for (const q of questions) {
        // As the teachers' assistant asks: its own documents (edu-… and the strategy), the browser's language in the header.
        const response = await app.request(`/api/search?k=5&assistant=education&q=${encodeURIComponent(q.question)}`, { headers: { 'accept-language': lang } });
        const { results } = (await response.json()) as { results: { docId: string }[] };
        const fact = facts.get(q.factId);
        const carries = (docId: string) => docId === q.docId || (fact !== undefined && containsKey(docs.get(docId) ?? '', eduFactKey(fact, lang)));
        const rank = results.findIndex((r) => carries(r.docId));
        if (results.slice(0, 5).some((r) => r.docId === q.docId)) strict5++;
        if (rank === 0) hit1++;
        if (rank >= 0) {
          hit5++;
          reciprocal += 1 / (rank + 1);
        } else misses.push({ id: q.id, question: q.question, expected: q.docId, got: results.map((r) => r.docId) });
      }
      const n = questions.length;
      scores.push({ lang, questions: n, recallAt1: hit1 / n, recallAt5: hit5 / n, strictRecallAt5: strict5 / n, mrr: reciprocal / n, misses });
    }
    return scores;
  } finally {
    dispose();
  }
}
