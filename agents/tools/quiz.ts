// Tool quiz: a topic, a level and a number → gap-fill questions made from cited sentences of the teachers'
// documents, each with its answer and source, so every question is checkable against its passage.
import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import { normaliseForIndex, queryTerms } from '../retrieval/normalise.ts';
import type { ToolContext } from './context.ts';
import { teachingSentences } from './teaching-passages.ts';

export const QuizInput = z.object({
  topic: z.string().min(2).max(200).describe('What the quiz is about'),
  level: z.enum(['beginner', 'intermediate', 'advanced']).describe('How hard'),
  n: z.number().int().min(1).max(10).describe('How many questions'),
});

export const QuizSchema = z.object({
  topic: z.string(),
  level: z.enum(['beginner', 'intermediate', 'advanced']),
  questions: z.array(z.object({ question: z.string().includes('____'), answer: z.string().min(1), source: z.number().int() })),
});

/**
 * The sentence with one word blanked out: a figure when it has one, else its longest content word (harder levels
 * take a less obvious word). Null when nothing is worth asking.
 */
export function gapFill(sentence: string, lang: Parameters<typeof queryTerms>[1], level: 'beginner' | 'intermediate' | 'advanced'): { question: string; answer: string } | null {
  const words = sentence.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  const content = new Set(queryTerms(sentence, lang));
  const candidates = words.filter((word) => /\d/.test(word) || content.has(normaliseForIndex(word, lang)));
  const figure = candidates.find((word) => /\d/.test(word));
  const byLength = candidates.filter((word) => word.length >= 5).sort((a, b) => b.length - a.length);
  const answer = level === 'beginner' ? (figure ?? byLength[0]) : (byLength[level === 'advanced' ? Math.min(1, byLength.length - 1) : 0] ?? figure);
  if (!answer) return null;
  return { question: sentence.replace(answer, '____'), answer };
}

export function quizTool(context: ToolContext) {
  return tool(
    async ({ topic, level, n }) => {
      const sentences = await teachingSentences(context, topic, 4, 3);
      const questions = sentences.flatMap((sentence) => {
        const gap = gapFill(sentence.text, context.lang, level);
        return gap ? [{ ...gap, source: sentence.n }] : [];
      });
      return JSON.stringify(QuizSchema.parse({ topic, level, questions: questions.slice(0, n) }));
    },
    {
      name: 'quiz',
      description: 'Make a quiz for pupils: returns gap-fill questions with answers, each from a numbered source to cite as [n]. Rephrase them in the user’s language if needed, keeping the answers.',
      schema: QuizInput,
    },
  );
}
