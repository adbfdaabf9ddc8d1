// The file client that keeps its prepared statements answers as @libsql/client's own file client does: the same
// statements on two copies of one database give the same results and the same errors, and a kept statement never
// reads a stale snapshot or stale columns.
import { createClient, LibsqlBatchError, LibsqlError, type Client, type ResultSet } from '@libsql/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FILE_PRAGMAS } from '../../db/open.node.ts';
import { KEPT_STATEMENTS, openFileClient } from '../../db/file-client.node.ts';

const opened: { close(): void }[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const client of opened.splice(0)) client.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aif-file-client-'));
  dirs.push(dir);
  return join(dir, 'db.sqlite');
}

/** Ours and @libsql/client's, each on a database file of its own. */
function pair(): { ours: Client; theirs: Client } {
  const ours = openFileClient(tempPath());
  const theirs = createClient({ url: `file:${tempPath()}` });
  opened.push(ours, theirs);
  return { ours, theirs };
}

/** What a caller can see of a result: columns, rows by index and by name, what JSON makes of them, counts. */
const seen = (result: ResultSet) => ({
  columns: result.columns,
  columnTypes: result.columnTypes,
  rows: result.rows.map((row) => ({ byIndex: Array.from(row as ArrayLike<unknown>), byName: { ...row }, keys: Object.keys(row), length: row.length })),
  rowsAffected: result.rowsAffected,
  lastInsertRowid: result.lastInsertRowid,
  json: JSON.stringify(result),
});

const failure = async (run: () => Promise<unknown>) => {
  try {
    await run();
  } catch (error) {
    return { type: error instanceof LibsqlBatchError ? 'batch' : error instanceof LibsqlError ? 'libsql' : (error as Error).constructor.name, code: (error as LibsqlError).code, extendedCode: (error as LibsqlError).extendedCode, message: (error as Error).message, index: (error as LibsqlBatchError).statementIndex };
  }
  throw new Error('expected a failure');
};

describe('the file client that keeps its statements', () => {
  it('gives the results @libsql/client gives: types, blobs, repeated names, named arguments, counts', async () => {
    const { ours, theirs } = pair();
    const script: [string, unknown?][] = [
      ['CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, score REAL, data BLOB, flag INTEGER)'],
      ['INSERT INTO t (name, score, data, flag) VALUES (?, ?, ?, ?)', ['a', 1.5, new Uint8Array([1, 2, 3]), true]],
      ['INSERT INTO t (name, score, data, flag) VALUES (:name, :score, :data, :flag)', { name: 'b', score: 2, data: new Uint8Array([9]).buffer, flag: false }],
      ['INSERT INTO t (name, score, flag) VALUES (@name, $score, :flag)', { '@name': 'c', $score: 9007199254740991n, ':flag': new Date(5) }],
      ['SELECT id, name, score, data, flag FROM t ORDER BY id'],
      ['SELECT t.id, u.id, t.name AS "length" FROM t JOIN t AS u ON u.id = t.id + 1'],
      ['UPDATE t SET score = score + 1 WHERE flag < 6'],
      ['SELECT count(*) AS n, typeof(data) AS kind FROM t WHERE id = ?', [2]],
      ['INSERT INTO t (name) VALUES (?) RETURNING id, name', ['d']],
      ['DELETE FROM t WHERE id > 100'],
    ];
    for (const [sql, args] of script) {
      const stmt = args === undefined ? sql : { sql, args: args as never };
      expect(seen(await ours.execute(stmt))).toEqual(seen(await theirs.execute(stmt)));
    }
    // Every statement again, now from the kept ones.
    const again = 'SELECT id, name, score, data, flag FROM t ORDER BY id';
    expect(seen(await ours.execute(again))).toEqual(seen(await theirs.execute(again)));
    const blob = (await ours.execute('SELECT data FROM t WHERE id = 1')).rows[0]!['data'] as ArrayBuffer;
    expect(blob).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(blob)]).toEqual([1, 2, 3]);
  });

  it('fails as @libsql/client fails: SQL, constraints, arguments, batches that name their statement', async () => {
    const { ours, theirs } = pair();
    for (const client of [ours, theirs]) await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE)');
    const cases: ((client: Client) => Promise<unknown>)[] = [
      (c) => c.execute('SELEC 1'),
      (c) => c.execute('SELECT * FROM missing'),
      (c) => c.execute({ sql: 'INSERT INTO t (id, name) VALUES (?, ?)', args: [1, 'x'] }).then(() => c.execute({ sql: 'INSERT INTO t (name) VALUES (?)', args: ['x'] })),
      (c) => c.execute({ sql: 'SELECT ?', args: [Infinity] }),
      (c) => c.execute({ sql: 'SELECT ?', args: [2n ** 64n] }),
      (c) => c.execute({ sql: 'SELECT ?', args: [undefined as never] }),
      (c) => c.execute('SELECT 9223372036854775807'),
      (c) => c.batch([{ sql: 'INSERT INTO t (name) VALUES (?)', args: ['y'] }, 'INSERT INTO t (name) VALUES (1/0)', 'SELEC'], 'write'),
    ];
    for (const run of cases) expect(await failure(() => run(ours))).toEqual(await failure(() => run(theirs)));
    // The failed batch left nothing behind: its first insert was rolled back.
    for (const client of [ours, theirs]) expect((await client.execute("SELECT count(*) AS n FROM t WHERE name = 'y'")).rows[0]!['n']).toBe(0);
  });

  it('runs batches, migrations, several statements and transactions as one unit each', async () => {
    const { ours, theirs } = pair();
    for (const client of [ours, theirs]) {
      await client.migrate([{ sql: 'CREATE TABLE p (id INTEGER PRIMARY KEY)', args: [] }, { sql: 'CREATE TABLE c (p INTEGER REFERENCES p (id))', args: [] }]);
      await client.executeMultiple('PRAGMA foreign_keys = ON; INSERT INTO p VALUES (1); INSERT INTO c VALUES (1);');
      const results = await client.batch([['INSERT INTO p VALUES (?)', [2]], 'SELECT count(*) AS n FROM p'], 'write');
      expect(results.map((r) => r.rows.map((row) => row['n']))).toEqual([[], [2]]);

      const kept = await client.transaction('write');
      await kept.execute({ sql: 'INSERT INTO p VALUES (?)', args: [3] });
      await kept.commit();
      expect(kept.closed).toBe(true);
      const dropped = await client.transaction('write');
      await dropped.execute({ sql: 'INSERT INTO p VALUES (?)', args: [4] });
      await dropped.rollback();
      // The client goes on, on another connection, while the transaction has ended.
      expect((await client.execute('SELECT group_concat(id) AS ids FROM p')).rows[0]!['ids']).toBe('1,2,3');
    }
    // A transaction that ended refuses further statements.
    const ended = async (client: Client) => {
      const transaction = await client.transaction('write');
      await transaction.commit();
      return failure(() => transaction.execute('SELECT 1'));
    };
    expect(await ended(ours)).toEqual(await ended(theirs));
  });

  it('tunes every connection it opens, the one after a transaction too', async () => {
    const client = openFileClient(tempPath(), FILE_PRAGMAS);
    opened.push(client);
    const tuning = async () => (await client.batch(['PRAGMA secure_delete', 'PRAGMA busy_timeout', 'PRAGMA journal_mode', 'PRAGMA synchronous'])).map((r) => Object.values(r.rows[0]!)[0]);
    expect(await tuning()).toEqual([1, 5000, 'wal', 1]);
    const transaction = await client.transaction('write');
    await transaction.commit();
    expect(await tuning()).toEqual([1, 5000, 'wal', 1]);
  });

  it('reads what another connection wrote since, with a kept statement', async () => {
    const path = tempPath();
    const ours = openFileClient(path, FILE_PRAGMAS);
    const other = createClient({ url: `file:${path}` });
    opened.push(ours, other);
    await ours.execute('CREATE TABLE n (v INTEGER)');
    const read = async () => (await ours.execute({ sql: 'SELECT count(*) AS k FROM n WHERE v >= ?', args: [0] })).rows[0]!['k'];
    for (let i = 1; i <= 3; i++) {
      await other.execute({ sql: 'INSERT INTO n VALUES (?)', args: [i] });
      expect(await read()).toBe(i);
    }
  });

  it('gives the new columns of a kept `SELECT *` after the table changed, here or in another connection', async () => {
    const path = tempPath();
    const ours = openFileClient(path, FILE_PRAGMAS);
    const other = createClient({ url: `file:${path}` });
    opened.push(ours, other);
    await ours.execute('CREATE TABLE w (a INTEGER)');
    await ours.execute('INSERT INTO w VALUES (1)');
    expect((await ours.execute('SELECT * FROM w')).columns).toEqual(['a']);
    await ours.execute('ALTER TABLE w ADD COLUMN b TEXT');
    expect((await ours.execute('SELECT * FROM w')).columns).toEqual(['a', 'b']);
    await other.execute('ALTER TABLE w ADD COLUMN c TEXT');
    const after = await ours.execute('SELECT * FROM w');
    expect(after.columns).toEqual(['a', 'b', 'c']);
    expect({ ...after.rows[0] }).toEqual({ a: 1, b: null, c: null });
  });

  it('keeps at most its limit of statements and still answers every one', async () => {
    const client = openFileClient(tempPath());
    opened.push(client);
    for (let i = 0; i < KEPT_STATEMENTS + 20; i++) expect((await client.execute(`SELECT ${i} AS i`)).rows[0]!['i']).toBe(i);
    expect((await client.execute('SELECT 0 AS i')).rows[0]!['i']).toBe(0);
  });

  it('refuses to work once closed, and works again after reconnect', async () => {
    const client = openFileClient(tempPath());
    opened.push(client);
    client.close();
    expect(client.closed).toBe(true);
    expect(await failure(() => client.execute('SELECT 1'))).toMatchObject({ type: 'libsql', code: 'CLIENT_CLOSED' });
    client.reconnect();
    expect((await client.execute('SELECT 1 AS one')).rows[0]!['one']).toBe(1);
    expect(client.protocol).toBe('file');
  });
});
