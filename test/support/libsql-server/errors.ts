// The three ways a request fails, mirroring sqld: protocol violations, dead streams, and statement errors.
import type { HranaError } from './protocol.ts';

/** The client broke the protocol (bad body, invalid baton, unknown sql_id…): HTTP 400, text/plain. */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

/** The stream behind a baton no longer exists: HTTP 500 with a Hrana Error body, as sqld answers. */
export class StreamExpiredError extends Error {
  override name = 'StreamExpiredError';
  readonly code = 'STREAM_EXPIRED';
  constructor() {
    super('The stream has expired due to inactivity');
  }
}

/** A statement failed; reported inside the pipeline result (or batch step) while the stream lives on. */
export class StmtError extends Error {
  override name = 'StmtError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  toProto(): HranaError {
    return { message: this.message, code: this.code };
  }
}

interface SqliteFailure {
  code: string;
  message: string;
}

/** True for errors thrown by the libsql binding, which carry a SQLITE_* code. */
export function isSqliteFailure(error: unknown): error is SqliteFailure {
  if (!(error instanceof Error)) return false;
  const { code } = error as Error & { code?: unknown };
  return typeof code === 'string' && code.startsWith('SQLITE_');
}

/** SQLITE_BUSY and its extended forms (BUSY_SNAPSHOT, BUSY_RECOVERY…). */
export function isBusy(error: unknown): boolean {
  return isSqliteFailure(error) && error.code.startsWith('SQLITE_BUSY');
}

/**
 * sqld reports the primary result code (SQLITE_CONSTRAINT, not SQLITE_CONSTRAINT_PRIMARYKEY) and prefixes the
 * message with "SQLite error: ". Anything that is not a SQLite failure is an internal error and is rethrown.
 */
export function stmtErrorFrom(error: unknown): StmtError {
  if (error instanceof StmtError) return error;
  if (!isSqliteFailure(error)) throw error;
  const primary = /^SQLITE_[A-Z]+/.exec(error.code)?.[0] ?? 'SQLITE_UNKNOWN';
  return new StmtError(primary, `SQLite error: ${error.message}`);
}

export const busyError = (): StmtError => new StmtError('SQLITE_BUSY', 'SQLite error: database is locked');
