// A turn asks for each query's vector once: it starts its question's embedding before it decides what to say, so the
// request travels while the intents, the approved answers and the lexical leg run, and the search reuses it.
import type { EmbeddingsInterface } from '@langchain/core/embeddings';

/** `embeddings` with each text's vector requested at most once (the lifetime of the result: one turn). */
export function rememberQueryVectors(embeddings: EmbeddingsInterface): EmbeddingsInterface {
  const asked = new Map<string, Promise<number[]>>();
  return {
    embedQuery(text) {
      const known = asked.get(text);
      if (known) return known;
      const vector = embeddings.embedQuery(text);
      asked.set(text, vector);
      return vector;
    },
    embedDocuments: (texts) => embeddings.embedDocuments(texts),
  };
}
