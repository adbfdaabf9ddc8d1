// What the stand-in records about each HTTP request, and a helper to list the SQL a client sent.
import type { FaultKind } from './faults.ts';
import type { CursorReqBody, PipelineReqBody, Stmt } from './protocol.ts';

export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. '/v2/pipeline'. */
  path: string;
  /** The Authorization header as received. */
  authorization: string | undefined;
  /** The parsed body of a pipeline or cursor request; undefined for other requests or unparsable bodies. */
  body: PipelineReqBody | CursorReqBody | undefined;
  /** The baton answered to the client: null when the stream closed, undefined when none was answered. */
  baton: string | null | undefined;
  /** HTTP status answered; undefined while in flight or when the socket was dropped. */
  status: number | undefined;
  /** Faults applied to this request. */
  faults: FaultKind[];
}

/**
 * Every SQL text the client sent, in order: statements, batch steps, sequences and describes. A statement sent by
 * `sql_id` is resolved through the `store_sql` requests seen so far (ids are per stream, so this assumes the client
 * does not reuse an id for different texts concurrently, which @libsql/client does not).
 */
export function sentSql(requests: readonly RecordedRequest[]): string[] {
  const stored = new Map<number, string>();
  const out: string[] = [];
  const text = (sql: string | null | undefined, sqlId: number | null | undefined): void => {
    const resolved = sql ?? (sqlId == null ? undefined : stored.get(sqlId));
    if (resolved !== undefined) out.push(resolved);
  };
  const stmt = (s: Stmt): void => text(s.sql, s.sql_id);
  for (const { body } of requests) {
    if (!body) continue;
    if ('batch' in body) {
      body.batch.steps.forEach((step) => stmt(step.stmt));
      continue;
    }
    for (const request of body.requests) {
      if (request.type === 'store_sql') stored.set(request.sql_id, request.sql);
      else if (request.type === 'execute') stmt(request.stmt);
      else if (request.type === 'batch') request.batch.steps.forEach((step) => stmt(step.stmt));
      else if (request.type === 'sequence' || request.type === 'describe') text(request.sql, request.sql_id);
    }
  }
  return out;
}
