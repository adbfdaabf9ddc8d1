// Retrieval evaluation: every eval question through GET /api/search on the real knowledge, lexical mode.
import { readFileSync } from 'node:fs';
import { chunkDocument, parseDocument } from '../agents/retrieval/document.ts';
import { z } from 'zod';
import { LANGS, LangSchema, type Lang } from '../agents/language/languages.ts';
import { queryTerms, tokenize } from '../agents/retrieval/normalise.ts';
import { makeApp } from '../test/support/app.ts';
import { containsKey, factKey, loadFacts } from './facts.ts';
import { knowledgeFolder, readKnowledgeDocs } from './knowledge.ts';

export const QuestionSchema = z.object({ id: z.string(), factId: z.string(), lang: LangSchema, question: z.string().min(3), docId: z.string() });
export type Question = z.infer<typeof QuestionSchema>;
export type LanguageScore = { lang: Lang; questions: number; recallAt1: number; recallAt5: number; strictRecallAt5: number; mrr: number; misses: { id: string; question: string; expected: string; got: string[] }[] };

export function loadQuestions(lang: Lang): Question[] {
  return z.array(QuestionSchema).parse(JSON.parse(readFileSync(new URL(`./questions/${lang}.json`, import.meta.url), 'utf8')));
}

// Names, acronyms and numbers cannot be paraphrased, so they do not count as copying. In English and French a
// capital inside a sentence marks a name; German and Luxembourgish capitalise every noun, so there only acronyms,
// words with an inner capital (MeluXina, LuxProvide) and words with digits count as names.
const ACRONYMS_AND_NUMBERS = /\b\p{Lu}{2,}[\p{L}\p{N}-]*|\b\p{L}+\p{Lu}[\p{L}\p{N}-]*|[\p{L}-]*\d[\p{L}\p{N}-]*/gu;
const CAPITALISED = /(?<!^|[.?!]\s)(?<![\p{L}])\p{Lu}[\p{L}\p{N}-]*/gu;
const namesIn = (question: string, lang: Lang) =>
  [...(question.match(ACRONYMS_AND_NUMBERS) ?? []), ...(lang === 'en' || lang === 'fr' ? (question.match(CAPITALISED) ?? []) : [])].join(' ');

/** Share of a question's content words (names aside) that also stand in the passage: above 0.5 it copies the text. */
export function wordOverlap(question: string, passage: string, lang: Lang): number {
  const names = new Set(queryTerms(namesIn(question, lang), lang));
  const terms = queryTerms(question, lang).filter((term) => !names.has(term));
  if (terms.length === 0) return 0;
  const words = new Set(tokenize(passage));
  return terms.filter((term) => words.has(term)).length / terms.length;
}

export type Copying = { id: string; overlap: number; question: string; fact: string };

/** A set of eval questions: how to read them, the term that proves each fact, and which assistant they ask. */
export type QuestionSet = {
  load: (lang: Lang) => Question[];
  fact: (factId: string) => { fact: string; key: (lang: Lang) => string } | undefined;
  assistant: 'public' | 'education';
};

export const PUBLIC_QUESTIONS: QuestionSet = {
  load: loadQuestions,
  fact: (factId) => {
    const fact = loadFacts().find((f) => f.id === factId);
    return fact && { fact: fact.fact, key: (lang) => factKey(fact, lang) };
  },
  assistant: 'public',
};

/** Questions that share more than half their content words with the chunk stating their fact. */
export async function questionsCopyingTheirPassage(lang: Lang, limit = 0.5, set: QuestionSet = PUBLIC_QUESTIONS): Promise<Copying[]> {
  const copying: Copying[] = [];
  for (const q of set.load(lang)) {
    const fact = set.fact(q.factId);
    if (!fact) continue;
    const raw = readFileSync(new URL(`${q.docId}.md`, knowledgeFolder(lang)), 'utf8');
    const chunks = await chunkDocument(parseDocument(raw, q.docId));
    const chunk = chunks.find((c) => containsKey(`${c.title}\n${c.headingPath.join('\n')}\n${c.text}`, fact.key(lang)));
    const overlap = chunk ? wordOverlap(q.question, chunk.text, lang) : 0;
    if (overlap > limit) copying.push({ id: q.id, overlap: Number(overlap.toFixed(2)), question: q.question, fact: fact.fact });
  }
  return copying;
}

export async function evaluateRetrieval(langs: readonly Lang[] = LANGS, set: QuestionSet = PUBLIC_QUESTIONS): Promise<LanguageScore[]> {
  const { app, dispose } = await makeApp({ env: { LLM_MODE: 'offline' } });
  try {
    const scores: LanguageScore[] = [];
    for (const lang of langs) {
      const questions = set.load(lang);
      const docs = readKnowledgeDocs(lang);
      let hit1 = 0;
      let hit5 = 0;
      let strict5 = 0;
      let reciprocal = 0;
      const misses: LanguageScore['misses'] = [];
      for (const q of questions) {
        // As the widget asks: the browser's language in the header, the language of the text detected.
        const response = await app.request(`/api/search?k=5&assistant=${set.assistant}&q=${encodeURIComponent(q.question)}`, { headers: { 'accept-language': lang } });
        const { results } = (await response.json()) as { results: { docId: string }[] };
        // A hit is the expected document or any other that states the same fact (the FAQ repeats many).
        const fact = set.fact(q.factId);
        const carries = (docId: string) => docId === q.docId || (fact !== undefined && containsKey(docs.get(docId) ?? '', fact.key(lang)));
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

/** The recall table of a run and its misses, as `npm run eval` prints them. */
export function retrievalReport(scores: LanguageScore[]): string {
  const rows = scores.map((s) => `| ${s.lang}   | ${String(s.questions).padStart(9)} | ${s.recallAt1.toFixed(3).padStart(8)} | ${s.recallAt5.toFixed(3).padStart(8)} | ${s.mrr.toFixed(3)} | ${s.strictRecallAt5.toFixed(3).padStart(27)} |`);
  const misses = scores.flatMap((s) => s.misses.map((miss) => `miss ${miss.id}: "${miss.question}" expected ${miss.expected}, got ${miss.got.join(', ') || 'nothing'}`));
  return ['| lang | questions | recall@1 | recall@5 | MRR   | recall@5, expected doc only |', '|------|-----------|----------|----------|-------|-----------------------------|', ...rows, ...misses].join('\n');
}
