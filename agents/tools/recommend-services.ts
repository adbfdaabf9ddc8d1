// Tool recommend_services: a described need → the service pillars that match it, each with its reason and source.
import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import { bestSentences } from '../answer/offline.ts';
import { searchInScope } from '../chat/scope.ts';
import type { ToolContext } from './context.ts';

export const RecommendServicesInput = z.object({
  need: z.string().min(3).max(500).describe('The organisation\'s need, in the user\'s words'),
});

const PILLAR = /^pillar-/;

export function recommendServicesTool(context: ToolContext) {
  return tool(
    async ({ need }) => {
      const results = await searchInScope({ db: context.db, knowledge: context.knowledge, embeddings: context.embeddings }, { query: need, lang: context.lang, k: 12 }, context.assistant);
      const pillars = results.filter((r) => PILLAR.test(r.docId)).slice(0, 3);
      if (pillars.length === 0) return 'No service pillar matches this need. Offer contact with the AI Factory staff through Luxinnovation.';
      return context.citations
        .add(pillars)
        .map(({ n, passage }) => `[${n}] ${passage.title}: ${bestSentences(passage.text, need, context.lang).join(' ')}`)
        .join('\n');
    },
    {
      name: 'recommend_services',
      description: 'Given an organisation\'s need, return the AI Factory service pillars that fit it, with the reason and a numbered source to cite.',
      schema: RecommendServicesInput,
    },
  );
}
