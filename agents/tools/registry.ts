// The tool registry: each capability registers a factory; the agent gets the tools built for this turn.
import type { Client } from '@libsql/client';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { StructuredToolInterface } from '@langchain/core/tools';
import type { Lang } from '../language/languages.ts';
import type { Citations } from './citations.ts';
import { searchKnowledgeTool } from './search-knowledge.ts';
import { recommendServicesTool } from './recommend-services.ts';

/** What a tool may use during one turn: the knowledge, the user's language, and the turn's citations. */
export type ToolContext = { client: Client; embeddings: EmbeddingsInterface | null; lang: Lang; citations: Citations };
export type ToolFactory = (context: ToolContext) => StructuredToolInterface;

export type ToolRegistry = { register(factory: ToolFactory): ToolRegistry; build(context: ToolContext): StructuredToolInterface[] };

export function createToolRegistry(factories: ToolFactory[] = []): ToolRegistry {
  const all = [...factories];
  return {
    register(factory) {
      all.push(factory);
      return this;
    },
    build: (context) => all.map((factory) => factory(context)),
  };
}

/** The public assistant's tools; lead capture and escalation register theirs here. */
export const publicTools = () => createToolRegistry([searchKnowledgeTool, recommendServicesTool]);
