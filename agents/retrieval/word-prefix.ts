// Whether a passage holds a word by its prefix, on the passage's words sorted once when the knowledge is loaded
// (db/queries/knowledge.ts indexedText): a binary search instead of a scan. The coverage and support tests ask it for
// every stem and synonym of a question against some twenty passages, 0.5 ms of a turn as scans (issue 15). Pure.

/** Whether `sorted` (ascending, as `<` orders strings) holds a word that starts with `prefix` and is at most `longer` characters longer. */
export function holdsPrefix(sorted: readonly string[], prefix: string, longer = Infinity): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < prefix) low = middle + 1;
    else high = middle;
  }
  // The words that start with the prefix follow each other from there.
  for (let i = low; i < sorted.length && sorted[i]!.startsWith(prefix); i++) if (sorted[i]!.length <= prefix.length + longer) return true;
  return false;
}
