// A libSQL client for a database file that keeps its prepared statements. @libsql/client's file client prepares
// every statement on every call and reads its column names twice; a chat turn runs about ten statements, and at one
// conversation that was about 1 ms of a turn's overhead (issue 15). This one answers the same `Client` interface with
// the same results and errors (LibsqlError, base and extended SQLite codes; integers as numbers, blobs as
// ArrayBuffers), and tunes every connection it opens, the ones a transaction leaves behind included.
import { LibsqlBatchError, LibsqlError, type Client, type InArgs, type InStatement, type InValue, type ResultSet, type Row, type Transaction, type TransactionMode, type Value } from '@libsql/client';
import Database from 'libsql';

/** Distinct statements kept per connection, oldest dropped first: the app has fewer than two hundred. */
export const KEPT_STATEMENTS = 500;

type Statement = Database.Statement<unknown[]>;
type Kept = { statement: Statement; reader: boolean; columns: string[]; types: string[] };
type Args = unknown[] | Record<string, unknown>;

const MAX_INTEGER = 2n ** 63n - 1n;
const MIN_INTEGER = -(2n ** 63n);

function toSql(value: InValue): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError('Only finite numbers (not Infinity or NaN) can be passed as arguments');
  if (typeof value === 'bigint' && (value < MIN_INTEGER || value > MAX_INTEGER)) throw new RangeError('bigint is too large to be represented as a 64-bit integer and passed as argument');
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value instanceof Date) return value.valueOf();
  if (value === undefined) throw new TypeError('undefined cannot be passed as argument to the database');
  return value;
}

function fromSql(value: unknown): Value {
  if (typeof value === 'bigint') {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) throw new RangeError('Received integer which cannot be safely represented as a JavaScript number');
    return Number(value);
  }
  if (value instanceof Uint8Array) return value.buffer.byteLength === value.byteLength ? (value.buffer as ArrayBuffer) : (value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength) as ArrayBuffer);
  return value as Value;
}

/** Named arguments may carry SQLite's prefix (`:id`, `@id`, `$id`); the binding wants the bare name. */
function argsOf(args: InArgs | undefined): Args {
  if (args === undefined) return [];
  if (Array.isArray(args)) return args.map(toSql);
  return Object.fromEntries(Object.entries(args).map(([name, value]) => [/^[:@$]/.test(name) ? name.slice(1) : name, toSql(value)]));
}

/** A row as @libsql/client gives it: values by column name (enumerable, the first of a repeated name) and by index. */
function rowOf(values: unknown[], columns: string[]): Row {
  const row: Record<string, Value> = {};
  const hidden: PropertyDescriptorMap = { length: { value: values.length } };
  values.forEach((raw, i) => {
    const value = fromSql(raw);
    hidden[i] = { value };
    const name = columns[i]!;
    if (name !== 'length' && !Object.hasOwn(row, name)) row[name] = value;
  });
  return Object.defineProperties(row, hidden) as unknown as Row;
}

/** JSON has no 64-bit integers or bytes: the former as text, the latter as base64. */
const jsonValue = (value: Value) => (typeof value === 'bigint' ? `${value}` : value instanceof ArrayBuffer ? Buffer.from(value).toString('base64') : value);

function resultSet(columns: string[], columnTypes: string[], rows: Row[], rowsAffected: number, lastInsertRowid: bigint | undefined): ResultSet {
  return {
    columns,
    columnTypes,
    rows,
    rowsAffected,
    lastInsertRowid,
    toJSON: () => ({ columns, columnTypes, rows: rows.map((row) => Array.from(row as ArrayLike<Value>, jsonValue)), rowsAffected, lastInsertRowid: lastInsertRowid === undefined ? null : `${lastInsertRowid}` }),
  };
}

/** SQLite's extended codes extend their base code's name (SQLITE_CONSTRAINT_UNIQUE): the base is its first two words. */
function libsqlError(error: unknown): unknown {
  if (!(error instanceof Database.SqliteError)) return error;
  const extended = error.code;
  return new LibsqlError(error.message, extended.split('_').slice(0, 2).join('_'), extended, (error as { rawCode?: number }).rawCode, error);
}

function beginOf(mode: TransactionMode): string {
  if (mode === 'write') return 'BEGIN IMMEDIATE';
  if (mode === 'read') return 'BEGIN TRANSACTION READONLY';
  if (mode === 'deferred') return 'BEGIN DEFERRED';
  throw new RangeError('Unknown transaction mode, supported values are "write", "read" and "deferred"');
}

const SCHEMA_CHANGE = /^\s*(create|drop|alter)\b/i;

/** One connection and the statements it prepared. */
class Connection {
  readonly #db: Database.Database;
  readonly #kept = new Map<string, Kept>();

  constructor(path: string, pragmas: readonly string[]) {
    this.#db = new Database(path);
    for (const pragma of pragmas) this.#db.exec(pragma);
  }

  get inTransaction(): boolean {
    return this.#db.inTransaction;
  }

  #prepare(sql: string): Kept {
    const kept = this.#kept.get(sql);
    if (kept) return kept;
    const statement = this.#db.prepare(sql) as Statement;
    statement.safeIntegers(true);
    const reader = statement.reader;
    if (reader) statement.raw(true);
    const columns = reader ? statement.columns() : [];
    const fresh = { statement, reader, columns: columns.map((c) => c.name), types: columns.map((c) => c.type ?? '') };
    if (this.#kept.size >= KEPT_STATEMENTS) this.#kept.delete(this.#kept.keys().next().value!);
    this.#kept.set(sql, fresh);
    return fresh;
  }

  run(stmt: InStatement): ResultSet {
    const sql = typeof stmt === 'string' ? stmt : stmt.sql;
    const args = typeof stmt === 'string' ? [] : argsOf(stmt.args);
    try {
      const kept = this.#prepare(sql);
      if (!kept.reader) {
        const info = kept.statement.run(args);
        // SQLite prepares a kept statement again after a schema change; what it read is cheaper to read afresh.
        if (SCHEMA_CHANGE.test(sql)) this.forget();
        return resultSet([], [], [], info.changes, BigInt(info.lastInsertRowid));
      }
      const values = kept.statement.all(args) as unknown[][];
      // A `SELECT *` prepared again after a schema change (by another process) can have other columns.
      if (values[0] && values[0].length !== kept.columns.length) kept.columns = kept.statement.columns().map((c) => c.name);
      return resultSet(kept.columns, kept.types, values.map((row) => rowOf(row, kept.columns)), 0, undefined);
    } catch (error) {
      // A statement that failed is not reused: the binding does not reset it, and it could hold a read snapshot.
      this.#kept.delete(sql);
      throw libsqlError(error);
    }
  }

  exec(sql: string): void {
    try {
      this.#db.exec(sql);
    } catch (error) {
      throw libsqlError(error);
    } finally {
      this.forget();
    }
  }

  forget(): void {
    this.#kept.clear();
  }

  close(): void {
    this.#kept.clear();
    this.#db.close();
  }
}

const statementOf = (stmt: InStatement | [string, InArgs?]): InStatement => (Array.isArray(stmt) ? { sql: stmt[0], args: stmt[1] ?? [] } : stmt);

/** Runs `stmts` in order on a connection inside a transaction; a failure names its statement (LibsqlBatchError). */
function runAll(connection: Connection, stmts: readonly (InStatement | [string, InArgs?])[]): ResultSet[] {
  return stmts.map((stmt, i) => {
    if (!connection.inTransaction) throw new LibsqlBatchError('The transaction has been rolled back', i, 'TRANSACTION_CLOSED');
    try {
      return connection.run(statementOf(stmt));
    } catch (error) {
      if (error instanceof LibsqlError && !(error instanceof LibsqlBatchError)) throw new LibsqlBatchError(error.message, i, error.code, error.extendedCode, error.rawCode, error.cause instanceof Error ? error.cause : undefined);
      throw error;
    }
  });
}

function closedError(what: string): LibsqlError {
  return new LibsqlError(`The ${what} is closed`, what === 'client' ? 'CLIENT_CLOSED' : 'TRANSACTION_CLOSED');
}

/** A transaction on a connection of its own, as @libsql/client's file client gives one; the connection ends with it. */
function fileTransaction(connection: Connection): Transaction {
  let over = false;
  const open = () => {
    if (over || !connection.inTransaction) throw closedError('transaction');
    return connection;
  };
  const end = () => {
    if (over) return;
    over = true;
    if (connection.inTransaction) connection.run('ROLLBACK');
    connection.close();
  };
  return {
    execute: async (stmt: InStatement) => open().run(stmt),
    batch: async (stmts: InStatement[]) => runAll(open(), stmts),
    executeMultiple: async (sql: string) => open().exec(sql),
    rollback: async () => end(),
    commit: async () => {
      open().run('COMMIT');
      end();
    },
    close: end,
    get closed() {
      return over || !connection.inTransaction;
    },
  };
}

/** A client for the database file at `path`; `pragmas` run on every connection it opens. */
export function openFileClient(path: string, pragmas: readonly string[] = []): Client {
  let connection: Connection | null = null;
  let closed = false;
  const current = (): Connection => {
    if (closed) throw closedError('client');
    return (connection ??= new Connection(path, pragmas));
  };
  /** Runs `stmts` in one transaction, rolled back if any fails. */
  const transact = (begin: string, stmts: readonly (InStatement | [string, InArgs?])[]): ResultSet[] => {
    const db = current();
    try {
      db.run(begin);
      const results = runAll(db, stmts);
      db.run('COMMIT');
      return results;
    } finally {
      if (db.inTransaction) db.run('ROLLBACK');
    }
  };
  // Opened now, so that a path that cannot be opened fails here, as createClient does.
  current().run('SELECT 1');

  const client: Client = {
    execute: (async (stmt: InStatement, args?: InArgs) => current().run(typeof stmt === 'string' && args !== undefined ? { sql: stmt, args } : stmt)) as Client['execute'],
    batch: async (stmts, mode = 'deferred') => transact(beginOf(mode), stmts),
    migrate: async (stmts) => {
      const db = current();
      db.run('PRAGMA foreign_keys=off');
      try {
        return transact(beginOf('deferred'), stmts);
      } finally {
        db.run('PRAGMA foreign_keys=on');
        db.forget();
      }
    },
    transaction: (async (mode: TransactionMode = 'write') => {
      const db = current();
      db.run(beginOf(mode));
      // The transaction keeps this connection; the client opens another when next used.
      connection = null;
      return fileTransaction(db);
    }) as Client['transaction'],
    executeMultiple: async (sql) => {
      const db = current();
      try {
        db.exec(sql);
      } catch (error) {
        if (db.inTransaction) db.run('ROLLBACK');
        throw error;
      }
    },
    sync: async () => {
      throw new LibsqlError('sync needs an embedded replica (a syncUrl); this is a plain database file', 'SYNC_NOT_SUPPORTED');
    },
    close: () => {
      closed = true;
      connection?.close();
      connection = null;
    },
    reconnect: () => {
      connection?.close();
      connection = null;
      closed = false;
    },
    get closed() {
      return closed;
    },
    protocol: 'file',
  };
  return client;
}
