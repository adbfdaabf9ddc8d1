// The tutorial's MemoryVectorStore: every chunk's vector kept in an array, an exact cosine scan per query.
// Written here on @langchain/core's VectorStore because `@langchain/classic` (where v1 keeps it) pulls openai@7,
// which requires Node 22; the search is the same linear cosine scan.
import { Document, type DocumentInterface } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { cosineSimilarity } from '@langchain/core/utils/math';
import { VectorStore } from '@langchain/core/vectorstores';

type MemoryVector = { content: string; embedding: number[]; metadata: Record<string, unknown> };

export class MemoryVectorStore extends VectorStore {
  declare FilterType: never;
  private vectors: MemoryVector[] = [];

  constructor(embeddings: EmbeddingsInterface) {
    super(embeddings, {});
  }

  _vectorstoreType(): string {
    return 'memory';
  }

  async addDocuments(documents: DocumentInterface[]): Promise<void> {
    await this.addVectors(await this.embeddings.embedDocuments(documents.map((d) => d.pageContent)), documents);
  }

  async addVectors(vectors: number[][], documents: DocumentInterface[]): Promise<void> {
    vectors.forEach((embedding, i) => this.vectors.push({ content: documents[i]!.pageContent, embedding, metadata: documents[i]!.metadata }));
  }

  async similaritySearchVectorWithScore(query: number[], k: number): Promise<[DocumentInterface, number][]> {
    const scores = cosineSimilarity([query], this.vectors.map((v) => v.embedding))[0] ?? [];
    return this.vectors
      .map((vector, i) => [vector, scores[i] ?? 0] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([vector, score]) => [new Document({ pageContent: vector.content, metadata: vector.metadata }), score]);
  }
}
