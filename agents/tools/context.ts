// What a tool may use during one turn: the knowledge, the user's language, and the turn's citations.
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { ReadKnowledge } from '../retrieval/knowledge-snapshot.ts';
import type { StructuredToolInterface } from '@langchain/core/tools';
import type { Db } from '../../db/client.ts';
import type { Lang } from '../language/languages.ts';
import type { Citations } from './citations.ts';
import type { Assistant } from '../chat/ports.ts';

/** `assistant` bounds the documents a tool searches (chat/scope.ts). */
export type ToolContext = { db: Db; knowledge: ReadKnowledge; embeddings: EmbeddingsInterface | null; lang: Lang; citations: Citations; assistant: Assistant };
export type ToolFactory = (context: ToolContext) => StructuredToolInterface;
