// How many chunks hold each question word changes only when the knowledge is indexed again, so a process keeps the
// counts it has read for as long as its knowledge snapshot is current, instead of asking the database on every turn.
import type { DocumentScope } from '../../db/queries/scope.ts';
import type { TermStats } from '../answer/confidence.ts';

export type ReadTermStats = (prefixes: string[], lang: string, scope?: DocumentScope) => Promise<TermStats>;

// Visitors can type any word; past this many remembered counts the memory starts over.
const MAX_ENTRIES = 20_000;

/**
 * `read` asked only for the prefixes not remembered. `generation` is the knowledge in memory (knowledge-snapshot.ts),
 * the same value until the index changes: the counts start over with a new one. Counts kept for a fixed time instead
 * (a minute, before) were read again by every turn after each expiry, a statement of 0.7 ms on a first turn (issue 15).
 */
export function rememberTermStats(read: ReadTermStats, generation: () => Promise<unknown>): ReadTermStats {
  let memory = { of: undefined as unknown, counts: new Map<string, number>(), totals: new Map<string, number>() };
  return async (prefixes, lang, scope) => {
    const of = await generation();
    if (of !== memory.of || memory.counts.size > MAX_ENTRIES) memory = { of, counts: new Map(), totals: new Map() };
    // This call's memory: one that a newer index replaces meanwhile is dropped with what this call adds to it.
    const { counts, totals } = memory;
    const where = `${lang}|${scope ? `${scope.exclude ? '-' : '+'}${scope.prefixes.join(',')}` : '*'}|`;
    const missing = [...new Set(prefixes)].filter((prefix) => !counts.has(where + prefix));
    if (missing.length > 0 || !totals.has(where)) {
      const fresh = await read(missing, lang, scope);
      totals.set(where, fresh.total);
      for (const prefix of missing) counts.set(where + prefix, fresh.byPrefix.get(prefix) ?? 0);
    }
    return { total: totals.get(where)!, byPrefix: new Map(prefixes.map((prefix) => [prefix, counts.get(where + prefix)!])) };
  };
}
