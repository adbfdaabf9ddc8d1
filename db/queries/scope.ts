// Which documents a search or a count covers (an assistant's scope, agents/chat/scope.ts), in SQL and in code.

/** Documents by id prefix: those that start with one of `prefixes`, or (with `exclude`) all the others. */
export type DocumentScope = { prefixes: string[]; exclude: boolean };

export function inDocumentScope(scope: DocumentScope, docId: string): boolean {
  return scope.prefixes.some((prefix) => docId.startsWith(prefix)) !== scope.exclude;
}

/**
 * The scope as a condition on `c.doc_id` (chunks aliased c), to append to a WHERE clause; `first` numbers its
 * parameters from there, for statements with numbered ones (an unnumbered ? takes the number after the largest yet).
 */
export const scopeSql = (scope: DocumentScope | undefined, first?: number) => {
  if (!scope || scope.prefixes.length === 0) return { sql: '', args: [] as string[] };
  const any = scope.prefixes.map((_, i) => `c.doc_id LIKE ?${first === undefined ? '' : first + i} || '%'`).join(' OR ');
  return { sql: ` AND ${scope.exclude ? 'NOT ' : ''}(${any})`, args: scope.prefixes };
};
