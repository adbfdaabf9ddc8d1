// Tool search_knowledge: the hybrid retrieval, in the user's language, returning numbered passages to cite.
import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import { searchInScope } from '../chat/scope.ts';
import { formatPassages } from './citations.ts';
import type { ToolContext } from './context.ts';

export const SearchKnowledgeInput = z.object({
  query: z.string().min(2).max(300).describe('What to look up, in a few words'),
});

export function searchKnowledgeTool(context: ToolContext) {
  return tool(
    async ({ query }) => {
      const results = await searchInScope({ db: context.db, knowledge: context.knowledge, embeddings: context.embeddings }, { query, lang: context.lang, k: 4 }, context.assistant);
      if (results.length === 0) return 'No passage found. Say that the documentation does not cover this and offer staff contact.';
      return formatPassages(context.citations.add(results));
    },
    {
      name: 'search_knowledge',
      description:
        'Search the Luxembourg AI Factory documentation (services, partners, MeluXina, training, the national AI strategy 2030). Returns numbered passages; cite them as [n].',
      schema: SearchKnowledgeInput,
    },
  );
}
