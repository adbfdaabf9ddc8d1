// The teachers' eval questions as a question set for eval/evaluate.ts: read from eval/edu, asked of the teachers'
// assistant, each fact proved by its term in eval/edu/facts.json.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Lang } from '../../agents/language/languages.ts';
import { QuestionSchema, type Question, type QuestionSet } from '../evaluate.ts';
import { eduFactKey, loadEduFacts } from './facts.ts';

export function loadEduQuestions(lang: Lang): Question[] {
  return z.array(QuestionSchema).parse(JSON.parse(readFileSync(new URL(`./questions/${lang}.json`, import.meta.url), 'utf8')));
}

export const EDU_QUESTIONS: QuestionSet = {
  load: loadEduQuestions,
  fact: (factId) => {
    const fact = loadEduFacts().find((f) => f.id === factId);
    return fact && { fact: fact.fact, key: (lang) => eduFactKey(fact, lang) };
  },
  assistant: 'education',
};
