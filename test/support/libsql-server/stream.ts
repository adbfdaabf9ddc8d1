// One Hrana stream: a dedicated libsql connection, its stored SQL texts, and the requests run on it.
import Database from 'libsql';
import { setTimeout as sleep } from 'node:timers/promises';
import { bindArgs } from './args.ts';
import { ProtocolError, StmtError, busyError, isBusy, stmtErrorFrom } from './errors.ts';
import type { WriteLock } from './lock.ts';
import type {
  Batch, BatchCond, BatchResult, Col, DescribeResult, HranaError, HranaVersion, Stmt, StmtResult, StreamRequest,
  StreamResponse, StreamResult,
} from './protocol.ts';
import { splitStatements, type StatementInfo } from './sql.ts';
import { fromSqlValue, type SqlValue } from './values.ts';

export interface StreamOptions {
  dbPath: string;
  lock: WriteLock;
  /** How long a statement waits for the write lock (or retries SQLITE_BUSY) before failing with SQLITE_BUSY. */
  lockTimeoutMs: number;
}

export type StepOutcome =
  | { type: 'skipped' }
  | { type: 'ok'; result: StmtResult }
  | { type: 'error'; error: HranaError };

export interface HranaStream {
  readonly closed: boolean;
  /** Runs one pipeline request. Statement failures come back as results; protocol violations throw. */
  handle(request: StreamRequest, version: HranaVersion): Promise<StreamResult>;
  /** Runs a batch; shared by the pipeline `batch` request and the cursor endpoint. */
  runBatch(batch: Batch, version: HranaVersion): Promise<StepOutcome[]>;
  /** Rolls back an open transaction and closes the connection. */
  close(): void;
}

// sqld's limits on stored SQL texts (hrana/http/request.rs); @libsql/client stays under both.
const MAX_STORED_SQL = 50;
const MAX_STORED_SQL_BYTES = 5000;
const BUSY_RETRY_MS = 10;

type Connection = Database.Database;

export function openStream({ dbPath, lock, lockTimeoutMs }: StreamOptions): HranaStream {
  // timeout 0: no SQLite busy handler, which would block the whole process; waiting happens in the write lock.
  const connect = (): Connection => new Database(dbPath, { timeout: 0 });
  let db = connect();
  // A statement that failed with SQLITE_BUSY is never reset by the binding and pins a stale read snapshot
  // (even across ROLLBACK), so the connection is replaced as soon as it is outside a transaction again.
  let poisoned = false;
  let closed = false;
  const sqls = new Map<number, string>();
  const owner = {}; // this stream's identity in the write lock

  const reopen = (): void => {
    try {
      db.close();
    } catch {
      // the old connection is being dropped either way
    }
    db = connect();
    poisoned = false;
  };

  // After every statement: shed a poisoned connection and hand the write lock on once back in autocommit.
  const settle = (): void => {
    if (closed) return;
    if (db.inTransaction) return;
    if (poisoned) reopen();
    lock.release(owner);
  };

  async function withWriteAccess<T>(writes: boolean, run: () => Promise<T> | T): Promise<T> {
    if (writes && lock.holder !== owner && !(await lock.acquire(owner, lockTimeoutMs))) {
      throw busyError();
    }
    try {
      return await run();
    } finally {
      settle();
    }
  }

  // Retries SQLITE_BUSY from writers outside this server (another process or client on the same file), but
  // only in autocommit: inside a transaction the failure belongs to the client.
  async function withBusyRetry<T>(run: () => T): Promise<T> {
    const deadline = Date.now() + lockTimeoutMs;
    for (;;) {
      try {
        return run();
      } catch (error) {
        if (!isBusy(error)) throw stmtErrorFrom(error);
        poisoned = true;
        if (db.inTransaction || Date.now() >= deadline) throw stmtErrorFrom(error);
        reopen();
        await sleep(BUSY_RETRY_MS);
      }
    }
  }

  function resolveSql(sql: string | null | undefined, sqlId: number | null | undefined): string {
    if (sql != null && sqlId != null) throw new ProtocolError('Both `sql` and `sql_id` were given');
    if (sql != null) return sql;
    if (sqlId == null) throw new ProtocolError('Neither `sql` nor `sql_id` was given');
    const stored = sqls.get(sqlId);
    if (stored === undefined) throw new ProtocolError(`SQL text ${sqlId} was not found`);
    return stored;
  }

  function singleStatement(sql: string): StatementInfo {
    const statements = splitStatements(sql);
    if (statements.length === 0) throw new StmtError('SQL_NO_STATEMENT', 'SQL string does not contain any statement');
    if (statements.length > 1) throw new StmtError('SQL_MANY_STATEMENTS', 'SQL string contains more than one statement');
    return statements[0] as StatementInfo;
  }

  function runOnce(sql: string, info: StatementInfo, args: SqlValue[], wantRows: boolean): StmtResult {
    const started = performance.now();
    const prepared = db.prepare(sql);
    let cols: Col[] = [];
    let rows: unknown[][] = [];
    if (prepared.reader) {
      cols = prepared.columns().map((column) => ({ name: column.name, decltype: column.type ?? null }));
      rows = prepared.raw(true).safeIntegers(true).all(args) as unknown[][];
    } else {
      prepared.run(args);
    }
    let affected = 0;
    let lastInsertRowid: string | null = null;
    if (info.changesRows) {
      // Asked separately: run() loses rowids above 2^53 and all() (for RETURNING) reports no changes.
      const [changes, rowid] = db.prepare('SELECT changes(), last_insert_rowid()').raw(true).safeIntegers(true)
        .all([])[0] as [bigint, bigint];
      affected = Number(changes);
      lastInsertRowid = rowid.toString();
    }
    return {
      cols,
      rows: wantRows ? rows.map((row) => row.map(fromSqlValue)) : [],
      affected_row_count: affected,
      last_insert_rowid: lastInsertRowid,
      // The binding does not expose SQLite's scan counters; these approximate sqld's usage figures.
      rows_read: rows.length,
      rows_written: affected,
      query_duration_ms: performance.now() - started,
    };
  }

  async function execute(stmt: Stmt): Promise<StmtResult> {
    const sql = resolveSql(stmt.sql, stmt.sql_id);
    const info = singleStatement(sql);
    const args = bindArgs(info, stmt.args ?? [], stmt.named_args ?? []);
    return withWriteAccess(info.writes, () => withBusyRetry(() => runOnce(sql, info, args, stmt.want_rows ?? true)));
  }

  function validateCond(cond: BatchCond, step: number, version: HranaVersion): void {
    switch (cond.type) {
      case 'ok':
      case 'error':
        if (cond.step >= step) {
          throw new ProtocolError(`Condition of step ${step} refers to step ${cond.step}, which does not precede it`);
        }
        return;
      case 'not':
        return validateCond(cond.cond, step, version);
      case 'and':
      case 'or':
        return cond.conds.forEach((inner) => validateCond(inner, step, version));
      case 'is_autocommit':
        if (version < 3) throw new ProtocolError('The `is_autocommit` condition needs Hrana 3');
        return;
    }
  }

  function evaluate(cond: BatchCond, outcomes: StepOutcome[]): boolean {
    switch (cond.type) {
      case 'ok':
        return outcomes[cond.step]?.type === 'ok';
      case 'error':
        return outcomes[cond.step]?.type === 'error';
      case 'not':
        return !evaluate(cond.cond, outcomes);
      case 'and':
        return cond.conds.every((inner) => evaluate(inner, outcomes));
      case 'or':
        return cond.conds.some((inner) => evaluate(inner, outcomes));
      case 'is_autocommit':
        return !db.inTransaction;
    }
  }

  async function runBatch(batch: Batch, version: HranaVersion): Promise<StepOutcome[]> {
    // Validate the whole batch first so a protocol error never leaves it half executed.
    batch.steps.forEach((step, index) => {
      if (step.condition) validateCond(step.condition, index, version);
      resolveSql(step.stmt.sql, step.stmt.sql_id);
    });
    const outcomes: StepOutcome[] = [];
    for (const step of batch.steps) {
      if (step.condition && !evaluate(step.condition, outcomes)) {
        outcomes.push({ type: 'skipped' });
        continue;
      }
      try {
        outcomes.push({ type: 'ok', result: await execute(step.stmt) });
      } catch (error) {
        if (!(error instanceof StmtError)) throw error;
        outcomes.push({ type: 'error', error: error.toProto() });
      }
    }
    return outcomes;
  }

  async function sequence(sql: string): Promise<void> {
    const writes = splitStatements(sql).some((statement) => statement.writes);
    // exec() finalizes its statements even on failure, so no retry or poisoning is needed here; a retry would
    // also re-run the statements that already succeeded.
    await withWriteAccess(writes, () => {
      try {
        db.exec(sql);
      } catch (error) {
        throw stmtErrorFrom(error);
      }
    });
  }

  function describe(sql: string): DescribeResult {
    const info = singleStatement(sql);
    try {
      const prepared = db.prepare(sql);
      const cols = prepared.reader ? prepared.columns() : [];
      return {
        params: info.params.map((name) => ({ name })),
        cols: cols.map((column) => ({ name: column.name, decltype: column.type ?? null })),
        is_explain: info.isExplain,
        is_readonly: !info.writes,
      };
    } catch (error) {
      throw stmtErrorFrom(error);
    }
  }

  function storeSql(sqlId: number, sql: string): void {
    if (sqls.has(sqlId)) throw new ProtocolError(`SQL text ${sqlId} is already stored`);
    if (sqls.size >= MAX_STORED_SQL) {
      throw new StmtError('SQL_STORE_TOO_MANY', `The server already stores ${sqls.size} SQL texts, it cannot store more`);
    }
    if (Buffer.byteLength(sql) > MAX_STORED_SQL_BYTES) {
      throw new StmtError('SQL_STORE_TOO_LARGE', `The statement is too large to be stored: ${Buffer.byteLength(sql)} B`);
    }
    sqls.set(sqlId, sql);
  }

  async function respond(request: StreamRequest, version: HranaVersion): Promise<StreamResponse> {
    switch (request.type) {
      case 'close':
        stream.close();
        return { type: 'close' };
      case 'execute':
        return { type: 'execute', result: await execute(request.stmt) };
      case 'batch':
        return { type: 'batch', result: toBatchResult(await runBatch(request.batch, version)) };
      case 'sequence':
        await sequence(resolveSql(request.sql, request.sql_id));
        return { type: 'sequence' };
      case 'describe':
        return { type: 'describe', result: describe(resolveSql(request.sql, request.sql_id)) };
      case 'store_sql':
        storeSql(request.sql_id, request.sql);
        return { type: 'store_sql' };
      case 'close_sql':
        sqls.delete(request.sql_id);
        return { type: 'close_sql' };
      case 'get_autocommit':
        if (version < 3) throw new ProtocolError('The `get_autocommit` request needs Hrana 3');
        return { type: 'get_autocommit', is_autocommit: !db.inTransaction };
    }
  }

  const stream: HranaStream = {
    get closed() {
      return closed;
    },
    async handle(request, version) {
      // Closing twice is harmless, anything else on a closed stream is a client bug.
      if (closed && request.type !== 'close') throw new ProtocolError('The stream has already been closed');
      try {
        return { type: 'ok', response: await respond(request, version) };
      } catch (error) {
        if (!(error instanceof StmtError)) throw error;
        return { type: 'error', error: error.toProto() };
      }
    },
    async runBatch(batch, version) {
      if (closed) throw new ProtocolError('The stream has already been closed');
      return runBatch(batch, version);
    },
    close() {
      if (closed) return;
      closed = true;
      try {
        if (db.inTransaction) db.exec('ROLLBACK');
      } catch {
        // closing the connection rolls back as well
      }
      try {
        db.close();
      } catch {
        // already unusable
      }
      lock.release(owner);
    },
  };
  return stream;
}

function toBatchResult(outcomes: StepOutcome[]): BatchResult {
  return {
    step_results: outcomes.map((outcome) => (outcome.type === 'ok' ? outcome.result : null)),
    step_errors: outcomes.map((outcome) => (outcome.type === 'error' ? outcome.error : null)),
  };
}
