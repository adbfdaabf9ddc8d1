// Which documents each assistant answers from: the public assistant from everything but the teachers' documents,
// the teachers' assistant from those and the national AI strategy.
import { inDocumentScope, type DocumentScope } from '../../db/queries/scope.ts';
import { searchKnowledge, type SearchDeps, type SearchQuery, type SearchResult } from '../retrieval/search.ts';
import type { Assistant } from './ports.ts';

const SCOPES: Record<Assistant, DocumentScope> = {
  public: { prefixes: ['edu-'], exclude: true },
  education: { prefixes: ['edu-', 'ai-strategy'], exclude: false },
};

export const scopeOf = (assistant: Assistant): DocumentScope => SCOPES[assistant];

export function inScope(assistant: Assistant, docId: string): boolean {
  return inDocumentScope(SCOPES[assistant], docId);
}

export async function searchInScope(deps: SearchDeps, query: SearchQuery, assistant: Assistant): Promise<SearchResult[]> {
  return searchKnowledge(deps, { ...query, scope: SCOPES[assistant] });
}
