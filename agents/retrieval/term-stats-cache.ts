// How many chunks hold each question word changes only when the knowledge is indexed again, so a process keeps the
// counts it has read for a minute instead of asking the database on every turn.
import type { DocumentScope } from '../../db/queries/scope.ts';
import type { TermStats } from '../answer/confidence.ts';

export type ReadTermStats = (prefixes: string[], lang: string, scope?: DocumentScope) => Promise<TermStats>;

/** Counts are read again after this long, so a new index shows within a minute. */
export const TERM_STATS_TTL_MS = 60_000;
// Visitors can type any word; past this many remembered counts the memory starts over.
const MAX_ENTRIES = 20_000;

/** `read` asked only for the prefixes not remembered (or all of them once the counts are older than the TTL). */
export function rememberTermStats(read: ReadTermStats, now: () => number): ReadTermStats {
  let since = now();
  const counts = new Map<string, number>();
  const totals = new Map<string, number>();
  return async (prefixes, lang, scope) => {
    if (now() - since > TERM_STATS_TTL_MS || counts.size > MAX_ENTRIES) {
      counts.clear();
      totals.clear();
      since = now();
    }
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
