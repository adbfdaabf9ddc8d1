// The knowledge's own questions (sections headed by a question) and the visitor's questions that are the same ones in
// other words, on the real knowledge in four languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mayMatch, rememberKnowledgeQuestions, sameQuestion, type ReadKnowledgeQuestions } from '../../../agents/answer/faq-match.ts';
import { loadQuestions } from '../../../eval/evaluate.ts';
import { questionPrint, weigher, wordsOf } from '../../../agents/approved/similarity.ts';
import { scopeOf } from '../../../agents/chat/scope.ts';
import type { Lang } from '../../../agents/language/languages.ts';
import { ingestKnowledge } from '../../../agents/retrieval/ingest.ts';
import { readKnowledgeFiles } from '../../../agents/retrieval/knowledge-files.node.ts';
import { rememberKnowledge } from '../../../agents/retrieval/knowledge-snapshot.ts';
import { chunkFrequencies } from '../../../db/queries/knowledge.ts';
import { makeDb, type TestDb } from '../../support/app.ts';

let db: TestDb;
let read: ReadKnowledgeQuestions;
beforeAll(async () => {
  db = await makeDb();
  await ingestKnowledge(db.drizzle, await readKnowledgeFiles(), { embedder: null });
  read = rememberKnowledgeQuestions(rememberKnowledge(db.drizzle));
});
afterAll(() => db.dispose());

/** The heading of the knowledge's question that `asked` is, if any. */
async function matched(asked: string, lang: Lang): Promise<string | null> {
  const { knowledge, questions } = await read();
  const print = questionPrint(asked, lang);
  // As a turn asks: only the questions that may match are weighed.
  const candidates = mayMatch(questions.get(lang) ?? [], print);
  const weigh = weigher(await chunkFrequencies(db.drizzle, wordsOf([print, ...candidates.map((c) => c.print)]), lang, scopeOf('public')));
  const found = sameQuestion(candidates, print, weigh);
  return found ? knowledge.rows.get(found.rowId)!.headingPath.at(-1)! : null;
}

describe('knowledge questions', () => {
  it('are the sections headed by a question, in every language, each once, read once per index generation', async () => {
    const first = await read();
    for (const lang of ['en', 'fr', 'de', 'lb']) {
      const headings = (first.questions.get(lang) ?? []).map((q) => first.knowledge.rows.get(q.rowId)!.headingPath.at(-1)!);
      expect(headings.length).toBeGreaterThanOrEqual(10);
      expect(headings.filter((heading) => heading.endsWith('?')).length).toBeGreaterThanOrEqual(10);
      expect(headings.every((heading) => heading.endsWith('?') || /^(?:what|how|who|which|why|when|where|que|quoi|comment|qui|quel|quelle|quels|quelles|pourquoi|quand|où|ce qu|was|wie|wer|welche[rsn]?|warum|wann|wo|wofür|womit|wat|wéi|wien|wéini|wou|firwat)[\s'’]/iu.test(heading))).toBe(true);
      expect(new Set(headings).size).toBe(headings.length);
    }
    expect(await read()).toBe(first);
  });

  it.each([
    ['en', 'what services do you offer?', 'What services does the Luxembourg AI Factory offer?'],
    ['fr', 'Quels services proposez-vous ?', 'Quels services la Luxembourg AI Factory propose-t-elle ?'],
    ['de', 'Welche Dienstleistungen bietet die AI Factory an?', 'Welche Dienstleistungen bietet die Luxembourg AI Factory an?'],
    ['lb', 'Wéi eng Servicer bitt dir un?', "Wéi eng Servicer bitt d'Luxembourg AI Factory un?"],
    ['en', 'How can I contact you?', 'How do I contact the Luxembourg AI Factory?'],
    ['en', 'What should I prepare before contacting the AI Factory?', 'What to prepare before contacting the Luxembourg AI Factory'],
    ['fr', "Que faut-il préparer avant de contacter l'AI Factory ?", 'Ce qu’il faut préparer avant de contacter la Luxembourg AI Factory'],
    ['lb', 'Wéi kann ech MeluXina notzen?', 'Wéi Organisatioune MeluXina notze kënnen'],
  ] as const)('%s: "%s" is the section "%s"', async (lang, asked, heading) => {
    expect(await matched(asked, lang)).toBe(heading);
  });

  it.each([
    ['en', 'How many GPUs does MeluXina have?'],
    ['fr', "Qui finance l'AI Factory ?"],
    ['en', 'What is the weather in Luxembourg today?'],
    ['de', 'Wie viele Mitarbeiter hat Luxinnovation?'],
  ] as const)('%s: "%s" is no section\'s question, however many words they share', async (lang, asked) => {
    expect(await matched(asked, lang)).toBeNull();
  });
});

describe('mayMatch', () => {
  it.each(['en', 'fr', 'de', 'lb'] as const)('in %s, leaves out only questions that could not have matched: the same match for every eval question', async (lang) => {
    const { questions } = await read();
    const all = questions.get(lang) ?? [];
    for (const { question } of loadQuestions(lang)) {
      const print = questionPrint(question, lang);
      const weigh = weigher(await chunkFrequencies(db.drizzle, wordsOf([print, ...all.map((c) => c.print)]), lang, scopeOf('public')));
      const kept = mayMatch(all, print);
      expect(kept.length).toBeLessThanOrEqual(all.length);
      expect(sameQuestion(kept, print, weigh)).toBe(sameQuestion(all, print, weigh));
    }
  });
});
