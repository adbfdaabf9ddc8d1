// The passages a teaching tool works from: the teachers' documents and the strategy, numbered for citing, with
// the best sentences of each for the tool's subject.
import { bestSentences } from '../answer/offline.ts';
import { searchInScope } from '../chat/scope.ts';
import type { ToolContext } from './context.ts';

export type CitedSentence = { text: string; n: number; docId: string };

export async function teachingSentences(context: ToolContext, subject: string, passages = 3, perPassage = 2): Promise<CitedSentence[]> {
  const results = await searchInScope({ db: context.db, knowledge: context.knowledge, embeddings: context.embeddings }, { query: subject, lang: context.lang, k: passages }, 'education');
  return context.citations.add(results).flatMap(({ n, passage }) => bestSentences(passage.text, subject, context.lang, perPassage).map((text) => ({ text, n, docId: passage.docId })));
}

export const AGE_GROUPS = ['6-9', '10-12', '13-15', '16-18', 'adults'] as const;
