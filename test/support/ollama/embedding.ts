// Deterministic stand-in embeddings: a signed, hashed bag of lowercased words, L2-normalised.
// Texts sharing words get a high cosine and unrelated texts land near 0, so retrieval tests can rely on lexical overlap.

export const DEFAULT_EMBEDDING_DIMENSIONS = 1024;

/** Lowercased letter/digit runs in any script, so FR/DE/LB accents count as word characters. */
export function embeddingTokens(text: string): string[] {
  return text.toLowerCase().normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** FNV-1a, 32 bit: tiny, stable across runs and platforms. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function embedText(text: string, dimensions = DEFAULT_EMBEDDING_DIMENSIONS): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  const tokens = embeddingTokens(text);
  // A text without words still needs a unit vector: real models never return zeros.
  for (const token of tokens.length > 0 ? tokens : ['\u0000empty']) {
    const hash = fnv1a(token);
    // The sign bit comes from a second hash so that collisions cancel out on average instead of piling up.
    const sign = fnv1a(`${token}\u0001`) & 1 ? 1 : -1;
    vector[hash % dimensions]! += sign;
  }
  return normalise(vector);
}

export function normalise(vector: number[]): number[] {
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((v) => v / norm);
}

export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new Error(`dimension mismatch: ${a.length} vs ${b.length}`);
  let dot = 0;
  let na = 0;
  let nb = 0;
  a.forEach((x, i) => {
    const y = b[i]!;
    dot += x * y;
    na += x * x;
    nb += y * y;
  });
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
