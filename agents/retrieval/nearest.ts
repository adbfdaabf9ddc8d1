// The vector leg, in memory: a language's chunk embeddings at unit length, so cosine is a dot product. A language
// with more chunks than the exact pass ranks is first narrowed by a 1-bit sketch of each vector (its signs), the
// candidates nearest in Hamming distance going on to exact cosine.

export type VectorEntry = { id: number; docId: string; vector: Float32Array };

export type VectorIndex = {
  dimension: number;
  ids: number[];
  docIds: string[];
  /** Row i is entry i at unit length: `unit[i * dimension …]`. */
  unit: Float32Array;
  /** Row i's signs, one bit per dimension, 32 to a word. */
  signs: Uint32Array;
};

/** Candidates the 1-bit pass hands to the exact one; with 1,024 dimensions this keeps the true top 40 in practice. */
export const SKETCH_CANDIDATES = 160;

const wordsFor = (dimension: number) => Math.ceil(dimension / 32);

function unitInto(target: Float32Array, offset: number, vector: ArrayLike<number>): void {
  let norm = 0;
  for (let j = 0; j < vector.length; j++) norm += vector[j]! * vector[j]!;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let j = 0; j < vector.length; j++) target[offset + j] = vector[j]! * scale;
}

function signsInto(target: Uint32Array, offset: number, vector: ArrayLike<number>): void {
  for (let j = 0; j < vector.length; j++) if (vector[j]! > 0) target[offset + (j >>> 5)]! |= 1 << (j & 31);
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Entries of one dimension (others are left out: a vector from another model cannot be compared). */
export function buildVectorIndex(entries: VectorEntry[], dimension: number): VectorIndex {
  const kept = entries.filter((entry) => entry.vector.length === dimension);
  const words = wordsFor(dimension);
  const unit = new Float32Array(kept.length * dimension);
  const signs = new Uint32Array(kept.length * words);
  kept.forEach((entry, i) => {
    unitInto(unit, i * dimension, entry.vector);
    signsInto(signs, i * words, entry.vector);
  });
  return { dimension, ids: kept.map((entry) => entry.id), docIds: kept.map((entry) => entry.docId), unit, signs };
}

/** Rows allowed by `keep`, or the SKETCH_CANDIDATES of them nearest to the query's signs when there are more. */
function candidates(index: VectorIndex, query: Uint32Array, keep: (docId: string) => boolean): number[] {
  const allowed: number[] = [];
  for (let i = 0; i < index.ids.length; i++) if (keep(index.docIds[i]!)) allowed.push(i);
  if (allowed.length <= SKETCH_CANDIDATES) return allowed;
  const distances = hammingDistances(index.signs, query, allowed);
  // Distances run from 0 to the dimension: counting them finds the cut without sorting every row.
  const counts = new Uint32Array(index.dimension + 2);
  for (const distance of distances) counts[distance]!++;
  let cut = 0;
  let below = 0;
  for (; below + counts[cut]! < SKETCH_CANDIDATES; cut++) below += counts[cut]!;
  const chosen: number[] = [];
  let atCut = SKETCH_CANDIDATES - below;
  for (let n = 0; n < allowed.length; n++) {
    if (distances[n]! < cut || (distances[n] === cut && atCut-- > 0)) chosen.push(allowed[n]!);
  }
  return chosen;
}

function hammingDistances(signs: Uint32Array, query: Uint32Array, rows: number[]): Uint16Array {
  const words = query.length;
  const distances = new Uint16Array(rows.length);
  for (let n = 0; n < rows.length; n++) {
    let distance = 0;
    for (let w = 0, at = rows[n]! * words; w < words; w++, at++) distance += popcount(query[w]! ^ signs[at]!);
    distances[n] = distance;
  }
  return distances;
}

// A loop over typed arrays with four running sums: independent additions keep the CPU's pipeline full, where one
// sum waits on the last (the vector leg over 165 rows × 1,024 dimensions, a language of the knowledge: 295 → 214 µs).
function cosines(unit: Float32Array, dimension: number, query: Float32Array, rows: number[]): Float64Array {
  const dots = new Float64Array(rows.length);
  for (let n = 0; n < rows.length; n++) {
    const at = rows[n]! * dimension;
    let d0 = 0;
    let d1 = 0;
    let d2 = 0;
    let d3 = 0;
    let j = 0;
    for (; j + 3 < dimension; j += 4) {
      d0 += query[j]! * unit[at + j]!;
      d1 += query[j + 1]! * unit[at + j + 1]!;
      d2 += query[j + 2]! * unit[at + j + 2]!;
      d3 += query[j + 3]! * unit[at + j + 3]!;
    }
    for (; j < dimension; j++) d0 += query[j]! * unit[at + j]!;
    dots[n] = d0 + d1 + d2 + d3;
  }
  return dots;
}

/** The `k` entries nearest to `vector` by cosine, nearest first, among the documents `keep` allows. */
export function nearestEntries(index: VectorIndex, vector: number[], k: number, keep: (docId: string) => boolean = () => true): { id: number; docId: string }[] {
  if (vector.length !== index.dimension || index.ids.length === 0) return [];
  const query = new Float32Array(index.dimension);
  unitInto(query, 0, vector);
  const sketch = new Uint32Array(wordsFor(index.dimension));
  signsInto(sketch, 0, query);
  const rows = candidates(index, sketch, keep);
  const dots = cosines(index.unit, index.dimension, query, rows);
  const scored = rows.map((row, n) => ({ row, dot: dots[n]! }));
  scored.sort((a, b) => b.dot - a.dot || index.ids[a.row]! - index.ids[b.row]!);
  return scored.slice(0, k).map(({ row }) => ({ id: index.ids[row]!, docId: index.docIds[row]! }));
}
