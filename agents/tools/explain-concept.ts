// Tool explain_concept: a concept and an age group → the cited points to explain it from, and how to pitch it.
import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import type { ToolContext } from './context.ts';
import { AGE_GROUPS, teachingSentences } from './teaching-passages.ts';

export const ExplainConceptInput = z.object({
  concept: z.string().min(2).max(200).describe('The AI concept to explain, e.g. "machine learning" or "hallucination"'),
  ageGroup: z.enum(AGE_GROUPS).describe('Age of the pupils'),
});

export const ExplanationSchema = z.object({
  concept: z.string(),
  ageGroup: z.enum(AGE_GROUPS),
  pitch: z.string(),
  points: z.array(z.object({ text: z.string(), source: z.number().int() })),
});

// How to pitch an explanation for each age, as guidance to the model (it writes in the user's language).
const PITCH: Record<(typeof AGE_GROUPS)[number], string> = {
  '6-9': 'Short sentences, everyday examples, no technical words; an unplugged game if possible.',
  '10-12': 'Concrete examples the pupils know (recommendations, voice assistants); one new word at a time.',
  '13-15': 'Name the technical terms and show a simple example of data, training and errors.',
  '16-18': 'Technical terms, limits and societal questions (bias, privacy, law).',
  adults: 'Precise terms, limits, and what the law requires.',
};

export function explainConceptTool(context: ToolContext) {
  return tool(
    async ({ concept, ageGroup }) => {
      const points = (await teachingSentences(context, concept, 3, 2)).map((point) => ({ text: point.text, source: point.n }));
      return JSON.stringify(ExplanationSchema.parse({ concept, ageGroup, pitch: PITCH[ageGroup], points }));
    },
    {
      name: 'explain_concept',
      description: 'Explain an AI concept for an age group: returns how to pitch it and numbered source points to cite as [n].',
      schema: ExplainConceptInput,
    },
  );
}
