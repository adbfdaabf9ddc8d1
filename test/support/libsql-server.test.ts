// Drives the libSQL stand-in with the edge's own client (@libsql/client/web) to show it behaves like sqld.
import { createClient as createFileClient } from '@libsql/client';
import { createClient, LibsqlError, type Client, type Transaction } from '@libsql/client/web';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { it as base, describe, expect } from 'vitest';
import {
  CursorEntrySchema, CursorRespBodySchema, PipelineRespBodySchema, type PipelineRespBody, type StreamRequest,
} from './libsql-server/protocol.ts';
import { sentSql, startLibsqlServer, type LibsqlServer, type LibsqlServerOptions } from './libsql-server/server.ts';

interface Fixtures {
  /** A fresh folder per test, removed afterwards. */
  dir: string;
  /** The backing file of `server`. */
  dbPath: string;
  /** A stand-in on `dbPath` with default options. */
  server: LibsqlServer;
  /** Web clients on `server`, closed after the test. */
  connect: (options?: { intMode?: 'number' | 'bigint'; authToken?: string; url?: string }) => Client;
  /** Extra stand-ins with other options, closed after the test. */
  startServer: (options: Omit<LibsqlServerOptions, 'dbPath'> & { file: string }) => Promise<LibsqlServer>;
}

// Fixtures rather than module-level variables: each test gets its own server and file, and nothing outlives it.
const it = base.extend<Fixtures>({
  // Vitest reads fixture dependencies from the destructuring pattern, so the unused first argument stays `{}`.
  dir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'libsql-stand-in-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  dbPath: async ({ dir }, use) => {
    await use(join(dir, 'main.db'));
  },
  server: async ({ dbPath }, use) => {
    const server = await startLibsqlServer({ dbPath });
    await use(server);
    await server.close();
  },
  connect: async ({ server }, use) => {
    const clients: Client[] = [];
    await use(({ url = server.url, ...options } = {}) => {
      const client = createClient({ url, ...options });
      clients.push(client);
      return client;
    });
    clients.forEach((client) => client.close());
  },
  startServer: async ({ dir }, use) => {
    const servers: LibsqlServer[] = [];
    await use(async ({ file, ...options }) => {
      const server = await startLibsqlServer({ dbPath: join(dir, file), ...options });
      servers.push(server);
      return server;
    });
    await Promise.all(servers.map((server) => server.close()));
  },
});

async function post(url: string, path: string, body: unknown): Promise<Response> {
  return fetch(new URL(path, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function pipeline(url: string, path: '/v2/pipeline' | '/v3/pipeline', baton: string | null, requests: StreamRequest[]) {
  const response = await post(url, path, { baton, requests });
  expect(response.status).toBe(200);
  return PipelineRespBodySchema.parse(await response.json());
}

function okResponse(body: PipelineRespBody, index: number) {
  const result = body.results[index];
  if (result?.type !== 'ok') throw new Error(`result ${index} is not ok: ${JSON.stringify(result)}`);
  return result.response;
}

async function count(client: Pick<Transaction, 'execute'>, table: string): Promise<number> {
  const result = await client.execute(`SELECT count(*) AS n FROM ${table}`);
  return Number(result.rows[0]?.n);
}

describe('statements', () => {
  it('binds positional and named arguments the way sqld does', async ({ connect }) => {
    const client = connect();
    await client.execute('CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL, age INTEGER)');

    const first = await client.execute({ sql: 'INSERT INTO people (name, age) VALUES (?, ?)', args: ['Ada', 36] });
    expect(first.rowsAffected).toBe(1);
    expect(first.lastInsertRowid).toBe(1n);
    await client.execute({ sql: 'INSERT INTO people (name, age) VALUES (:name, :age)', args: { name: 'Grace', age: 45 } });
    await client.execute({ sql: 'INSERT INTO people (name, age) VALUES (@name, $age)', args: { '@name': 'Linus', $age: 54 } });
    await client.execute({ sql: 'INSERT INTO people (name, age) VALUES (?2, ?1)', args: [80, 'Ken'] });

    const updated = await client.execute({ sql: 'UPDATE people SET age = age + 1 WHERE age > ?', args: [50] });
    expect(updated.rowsAffected).toBe(2);

    const result = await client.execute({ sql: 'SELECT name, age FROM people WHERE age >= :min ORDER BY age', args: { min: 40 } });
    expect(result.columns).toEqual(['name', 'age']);
    expect(result.columnTypes).toEqual(['TEXT', 'INTEGER']);
    expect(result.rows.map((row) => [row.name, row.age])).toEqual([['Grace', 45], ['Linus', 55], ['Ken', 81]]);
  });

  it('round-trips every value type, including 64-bit integers, blobs and null', async ({ connect }) => {
    const client = connect({ intMode: 'bigint' });
    await client.execute('CREATE TABLE vals (a, b, c, d, e, f, g)');
    const big = 9_007_199_254_740_993n; // 2^53 + 1: survives only as a string on the wire
    await client.execute({
      sql: 'INSERT INTO vals VALUES (?, ?, ?, ?, ?, ?, ?)',
      args: [big, 1.5, 'héllo ✓ Moien', new Uint8Array([0, 1, 255]), null, 2, new Uint8Array([])],
    });
    const { rows } = await client.execute(
      'SELECT a, typeof(a), b, typeof(b), c, typeof(c), d, typeof(d), e, typeof(e), f, typeof(f), g, typeof(g) FROM vals',
    );
    // A Row is array-like (indexes and length) but not iterable.
    const first = rows[0];
    const row = Array.from({ length: first?.length ?? 0 }, (_, index) => first?.[index]);
    expect(row).toHaveLength(14);
    expect(row[0]).toBe(big);
    expect(row[1]).toBe('integer');
    expect(row.slice(2, 6)).toEqual([1.5, 'real', 'héllo ✓ Moien', 'text']);
    expect([...new Uint8Array(row[6] as ArrayBuffer)]).toEqual([0, 1, 255]);
    expect(row.slice(7, 10)).toEqual(['blob', null, 'null']);
    // A JS number travels as a Hrana float, so sqld stores it as REAL even when it is whole.
    expect(row.slice(10, 12)).toEqual([2, 'real']);
    expect((row[12] as ArrayBuffer).byteLength).toBe(0);

    const extremes = await client.execute('SELECT 9223372036854775807 AS max, -9223372036854775808 AS min, 0.1 + 0.2 AS f');
    expect(extremes.rows[0]?.max).toBe(9_223_372_036_854_775_807n);
    expect(extremes.rows[0]?.min).toBe(-9_223_372_036_854_775_808n);
    expect(extremes.rows[0]?.f).toBe(0.1 + 0.2);
  });

  it('rejects what sqld rejects: several statements, missing arguments, SQL errors', async ({ connect }) => {
    const client = connect();
    await expect(client.execute('SELECT 1; SELECT 2')).rejects.toMatchObject({ code: 'SQL_MANY_STATEMENTS' });
    await expect(client.execute('  -- nothing ')).rejects.toMatchObject({ code: 'SQL_NO_STATEMENT' });
    await expect(client.execute({ sql: 'SELECT ?, ?', args: [1] })).rejects.toMatchObject({ code: 'ARGS_INVALID' });
    await expect(client.execute({ sql: 'SELECT ?', args: [1, 2] })).rejects.toMatchObject({ code: 'ARGS_INVALID' });
    await expect(client.execute({ sql: 'SELECT :a', args: { b: 1 } })).rejects.toMatchObject({ code: 'ARGS_INVALID' });
    const syntax = await client.execute('SELEC 1').catch((error: unknown) => error);
    expect(syntax).toBeInstanceOf(LibsqlError);
    expect(syntax).toMatchObject({ code: 'SQLITE_ERROR', message: expect.stringContaining('syntax error') });
  });
});

describe('batches and transactions', () => {
  it('runs a write batch atomically and rolls it back when a step fails', async ({ server, connect }) => {
    const client = connect();
    await client.execute('CREATE TABLE ledger (id INTEGER PRIMARY KEY, amount INTEGER NOT NULL)');
    const results = await client.batch(
      [
        { sql: 'INSERT INTO ledger (id, amount) VALUES (?, ?)', args: [1, 10] },
        { sql: 'INSERT INTO ledger (id, amount) VALUES (?, ?)', args: [2, 20] },
        'SELECT sum(amount) AS total FROM ledger',
      ],
      'write',
    );
    expect(results.map((result) => result.rowsAffected)).toEqual([1, 1, 0]);
    expect(results[2]?.rows[0]?.total).toBe(30);

    const failure = await client
      .batch(
        [
          { sql: 'INSERT INTO ledger (id, amount) VALUES (?, ?)', args: [3, 30] },
          { sql: 'INSERT INTO ledger (id, amount) VALUES (?, ?)', args: [1, 99] },
        ],
        'write',
      )
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'SQLITE_CONSTRAINT', message: expect.stringContaining('UNIQUE constraint failed') });
    expect(await count(client, 'ledger')).toBe(2);
    expect(sentSql(server.requests)).toEqual(expect.arrayContaining(['BEGIN IMMEDIATE', 'COMMIT', 'ROLLBACK']));
  });

  it('keeps an interactive transaction on one stream across requests, rotating batons', async ({ server, connect }) => {
    const client = connect();
    const reader = connect();
    await client.execute('CREATE TABLE notes (body TEXT)');
    server.requests.length = 0;

    const tx = await client.transaction('write');
    await tx.execute({ sql: 'INSERT INTO notes VALUES (?)', args: ['draft'] });
    expect(await count(tx, 'notes')).toBe(1);
    // Another stream reads the last committed state without waiting for the writer.
    expect(await count(reader, 'notes')).toBe(0);
    await tx.commit();
    expect(await count(reader, 'notes')).toBe(1);

    const batons = server.requests.map((request) => (request.body && 'requests' in request.body ? request.body.baton : null));
    const carried = batons.filter((baton): baton is string => typeof baton === 'string');
    expect(carried.length).toBeGreaterThanOrEqual(2);
    expect(new Set(carried).size).toBe(carried.length);
    expect(server.openStreams()).toBe(0);
  });

  it('discards the writes of a rolled-back transaction', async ({ server, connect }) => {
    const client = connect();
    await client.execute('CREATE TABLE drafts (body TEXT)');
    const tx = await client.transaction('write');
    await tx.execute({ sql: 'INSERT INTO drafts VALUES (?)', args: ['gone'] });
    await tx.rollback();
    expect(await count(client, 'drafts')).toBe(0);
    expect(server.openStreams()).toBe(0);
  });

  it('makes a second writer wait for an open transaction instead of failing', async ({ connect }) => {
    const client = connect();
    const other = connect();
    await client.execute('CREATE TABLE queue (item TEXT)');
    const tx = await client.transaction('write');
    await tx.execute({ sql: 'INSERT INTO queue VALUES (?)', args: ['first'] });

    let settled = false;
    const waiting = other.execute({ sql: 'INSERT INTO queue VALUES (?)', args: ['second'] }).finally(() => {
      settled = true;
    });
    await sleep(150);
    expect(settled).toBe(false);
    await tx.commit();
    await waiting;
    const { rows } = await client.execute('SELECT item FROM queue ORDER BY rowid');
    expect(rows.map((row) => row.item)).toEqual(['first', 'second']);
  });

  it('serialises concurrent transactions and keeps concurrent autocommit traffic correct', async ({ server, connect }) => {
    const [a, b, c] = [connect(), connect(), connect()];
    await a.execute('CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)');
    await a.execute('INSERT INTO counter VALUES (1, 0)');

    // Read-modify-write in two transactions at once: only correct if the second waits for the first.
    const bump = async (client: Client): Promise<void> => {
      const tx = await client.transaction('write');
      const current = Number((await tx.execute('SELECT n FROM counter WHERE id = 1')).rows[0]?.n);
      await sleep(20);
      await tx.execute({ sql: 'UPDATE counter SET n = ? WHERE id = 1', args: [current + 1] });
      await tx.commit();
    };
    await Promise.all([bump(a), bump(b)]);
    expect(Number((await c.execute('SELECT n FROM counter WHERE id = 1')).rows[0]?.n)).toBe(2);

    await a.execute('CREATE TABLE hits (client TEXT)');
    const writes = [a, b, c].flatMap((client, index) =>
      Array.from({ length: 10 }, () => client.execute({ sql: 'INSERT INTO hits VALUES (?)', args: [`c${index}`] })),
    );
    const reads = Array.from({ length: 10 }, () => c.execute('SELECT count(*) AS n FROM hits'));
    await Promise.all([...writes, ...reads]);
    expect(await count(a, 'hits')).toBe(30);
    expect(server.openStreams()).toBe(0);
  });

  it('fails a stale deferred upgrade with SQLITE_BUSY, then gives the stream a fresh snapshot', async ({ server, connect }) => {
    const writer = connect();
    await writer.execute('CREATE TABLE snapshots (n INTEGER)');
    const opened = await pipeline(server.url, '/v2/pipeline', null, [
      { type: 'execute', stmt: { sql: 'BEGIN' } },
      { type: 'execute', stmt: { sql: 'SELECT count(*) FROM snapshots' } },
    ]);
    await writer.execute('INSERT INTO snapshots VALUES (1)');

    // The stream's snapshot predates that commit, so SQLite refuses its upgrade to a writer.
    const upgrade = await pipeline(server.url, '/v2/pipeline', opened.baton, [
      { type: 'execute', stmt: { sql: 'INSERT INTO snapshots VALUES (2)' } },
      { type: 'execute', stmt: { sql: 'ROLLBACK' } },
      { type: 'execute', stmt: { sql: 'SELECT count(*) AS n FROM snapshots' } },
      { type: 'close' },
    ]);
    expect(upgrade.results[0]).toMatchObject({ type: 'error', error: { code: 'SQLITE_BUSY' } });
    const after = okResponse(upgrade, 2);
    if (after.type !== 'execute') throw new Error('expected an execute response');
    expect(after.result.rows).toEqual([[{ type: 'integer', value: '1' }]]);
    expect(await count(writer, 'snapshots')).toBe(1);
  });

  it('waits out a writer outside the server (another connection on the same file)', async ({ dbPath, connect }) => {
    const client = connect();
    await client.execute('CREATE TABLE shared (who TEXT)');
    const file = createFileClient({ url: `file:${dbPath}` });
    try {
      const outside = await file.transaction('write');
      await outside.execute("INSERT INTO shared VALUES ('file')");
      const waiting = client.execute("INSERT INTO shared VALUES ('http')");
      await sleep(100);
      await outside.commit();
      await waiting;
      const { rows } = await client.execute('SELECT who FROM shared ORDER BY rowid');
      expect(rows.map((row) => row.who)).toEqual(['file', 'http']);
    } finally {
      file.close();
    }
  });

  it('runs read and deferred batches', async ({ server, connect }) => {
    const client = connect();
    const read = await client.batch(['SELECT 1 AS one', 'SELECT 2 AS two'], 'read');
    expect(read.map((result) => result.rows[0]?.[0])).toEqual([1, 2]);
    const deferred = await client.batch(['CREATE TABLE deferred_batch (x)', 'INSERT INTO deferred_batch VALUES (1)'], 'deferred');
    expect(deferred[1]?.rowsAffected).toBe(1);
    expect(sentSql(server.requests)).toEqual(expect.arrayContaining(['BEGIN TRANSACTION READONLY', 'BEGIN DEFERRED']));
  });

  it('runs migration-style DDL: migrate(), triggers with BEGIN…END, executeMultiple()', async ({ connect }) => {
    const client = connect();
    await client.migrate([
      'CREATE TABLE docs (id INTEGER PRIMARY KEY, title TEXT NOT NULL, updated_at INTEGER)',
      'CREATE INDEX docs_title ON docs (title)',
      `CREATE TRIGGER docs_touch AFTER UPDATE OF title ON docs
         BEGIN
           UPDATE docs SET updated_at = 42 WHERE id = NEW.id;
         END`,
    ]);
    await client.executeMultiple(`
      CREATE TABLE tags (doc_id INTEGER REFERENCES docs (id), tag TEXT);
      INSERT INTO docs (id, title) VALUES (1, 'draft');
      INSERT INTO tags VALUES (1, 'a'); -- a comment; with a semicolon
    `);
    await client.execute("UPDATE docs SET title = 'final' WHERE id = 1");

    const schema = await client.execute(
      "SELECT type, name FROM sqlite_master WHERE name IN ('docs', 'docs_title', 'docs_touch', 'tags') ORDER BY name",
    );
    expect(schema.rows.map((row) => `${row.type}:${row.name}`)).toEqual([
      'table:docs', 'index:docs_title', 'trigger:docs_touch', 'table:tags',
    ]);
    expect((await client.execute('SELECT updated_at FROM docs WHERE id = 1')).rows[0]?.updated_at).toBe(42);
    expect(await count(client, 'tags')).toBe(1);
  });
});

describe('libSQL features', () => {
  it('supports FTS5 with unicode61 remove_diacritics 2, MATCH and bm25()', async ({ connect }) => {
    const client = connect();
    await client.execute("CREATE VIRTUAL TABLE passages USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')");
    await client.batch(
      [
        { sql: 'INSERT INTO passages (title, body) VALUES (?, ?)', args: ['Crème brûlée', 'Crème, sucre, crème.'] },
        { sql: 'INSERT INTO passages (title, body) VALUES (?, ?)', args: ['Lëtzebuerg', 'Moien aus Lëtzebuerg'] },
        { sql: 'INSERT INTO passages (title, body) VALUES (?, ?)', args: ['Soup', 'One spoon of creme'] },
      ],
      'write',
    );
    const cream = await client.execute({
      sql: 'SELECT title, bm25(passages) AS score FROM passages WHERE passages MATCH ? ORDER BY score',
      args: ['creme'],
    });
    expect(cream.rows.map((row) => row.title)).toEqual(['Crème brûlée', 'Soup']);
    expect(Number(cream.rows[0]?.score)).toBeLessThan(Number(cream.rows[1]?.score));

    const lux = await client.execute({ sql: 'SELECT title FROM passages WHERE passages MATCH ?', args: ['letzebuerg'] });
    expect(lux.rows.map((row) => row.title)).toEqual(['Lëtzebuerg']);
  });

  it('supports F32_BLOB vectors, vector32() and vector_distance_cos()', async ({ connect }) => {
    const client = connect();
    await client.execute('CREATE TABLE chunks (id INTEGER PRIMARY KEY, label TEXT, embedding F32_BLOB(4))');
    await client.batch(
      [
        { sql: 'INSERT INTO chunks (label, embedding) VALUES (?, vector32(?))', args: ['east', '[1, 0, 0, 0]'] },
        { sql: 'INSERT INTO chunks (label, embedding) VALUES (?, vector32(?))', args: ['north', '[0, 1, 0, 0]'] },
        { sql: 'INSERT INTO chunks (label, embedding) VALUES (?, vector32(?))', args: ['north-east', '[0.7, 0.7, 0, 0]'] },
      ],
      'write',
    );
    const nearest = await client.execute({
      sql: `SELECT label, vector_distance_cos(embedding, vector32(?)) AS distance, length(embedding) AS bytes
            FROM chunks ORDER BY distance LIMIT 2`,
      args: ['[0.9, 0.1, 0, 0]'],
    });
    expect(nearest.rows.map((row) => row.label)).toEqual(['east', 'north-east']);
    expect(nearest.rows[0]?.bytes).toBe(16);
    expect(Number(nearest.rows[0]?.distance)).toBeCloseTo(1 - 0.9 / Math.hypot(0.9, 0.1), 5);
    const types = await client.execute('SELECT embedding FROM chunks LIMIT 1');
    expect(types.columnTypes).toEqual(['F32_BLOB(4)']);
  });

  it('writes to the backing file, where a file: client sees them', async ({ dbPath, connect }) => {
    const client = connect();
    await client.execute('CREATE TABLE visible (word TEXT)');
    await client.execute({ sql: 'INSERT INTO visible VALUES (?)', args: ['persisted'] });
    const file = createFileClient({ url: `file:${dbPath}` });
    try {
      const { rows } = await file.execute('SELECT word FROM visible');
      expect(rows.map((row) => row.word)).toEqual(['persisted']);
    } finally {
      file.close();
    }
  });
});

describe('auth', () => {
  it('answers 401 without the bearer token and serves with it', async ({ startServer, connect }) => {
    const guarded = await startServer({ file: 'auth.db', authToken: 'sesame' });
    const anonymous = connect({ url: guarded.url });
    const wrong = connect({ url: guarded.url, authToken: 'guess' });
    const right = connect({ url: guarded.url, authToken: 'sesame' });
    await expect(anonymous.execute('SELECT 1')).rejects.toThrow(/401/);
    await expect(wrong.execute('SELECT 1')).rejects.toThrow(/401/);
    expect((await right.execute('SELECT 1 AS one')).rows[0]?.one).toBe(1);
    expect(guarded.requests.map((request) => [request.authorization, request.status])).toEqual([
      [undefined, 401], ['Bearer guess', 401], ['Bearer sesame', 200],
    ]);
  });
});

describe('faults', () => {
  it('surfaces an injected 5xx as a SERVER_ERROR, then recovers', async ({ server, connect }) => {
    const client = connect();
    server.setFault({ status5xx: { status: 503, count: 1 } });
    const failure = await client.execute('SELECT 1').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LibsqlError);
    expect(failure).toMatchObject({ code: 'SERVER_ERROR', message: expect.stringContaining('503') });
    expect(server.requests.at(-1)).toMatchObject({ status: 503, faults: ['status5xx'] });
    expect((await client.execute('SELECT 2 AS two')).rows[0]?.two).toBe(2);
  });

  it('surfaces a dropped connection as an error, then recovers', async ({ server, connect }) => {
    const client = connect();
    server.setFault({ drop: { count: 1 } });
    await expect(client.execute('SELECT 1')).rejects.toThrow();
    expect(server.requests.at(-1)).toMatchObject({ status: undefined, faults: ['drop'] });
    expect((await client.execute('SELECT 3 AS three')).rows[0]?.three).toBe(3);
  });

  it('delays every request by the injected latency until cleared', async ({ server, connect }) => {
    const client = connect();
    const timed = async (): Promise<number> => {
      const started = performance.now();
      await client.execute('SELECT 1');
      return performance.now() - started;
    };
    server.setFault({ latencyMs: 300 });
    expect(await timed()).toBeGreaterThanOrEqual(295);
    expect(await timed()).toBeGreaterThanOrEqual(295);
    server.setFault(undefined);
    expect(await timed()).toBeLessThan(250);
  });
});

describe('protocol', () => {
  it('answers version probes so clients settle on JSON over v2/v3', async ({ server }) => {
    const status = async (path: string) => (await fetch(new URL(path, server.url))).status;
    expect(await status('/v2')).toBe(200);
    expect(await status('/v3')).toBe(200);
    expect(await status('/v3-protobuf')).toBe(404);
  });

  it('rotates single-use batons and reports the autocommit state on v3', async ({ server }) => {
    const begin = await pipeline(server.url, '/v3/pipeline', null, [{ type: 'execute', stmt: { sql: 'BEGIN' } }]);
    const first = begin.baton;
    expect(first).toEqual(expect.any(String));

    const inside = await pipeline(server.url, '/v3/pipeline', first, [{ type: 'get_autocommit' }]);
    expect(okResponse(inside, 0)).toEqual({ type: 'get_autocommit', is_autocommit: false });
    expect(inside.baton).not.toBe(first);

    const reused = await post(server.url, '/v3/pipeline', { baton: first, requests: [{ type: 'get_autocommit' }] });
    expect(reused.status).toBe(400);
    const forged = await post(server.url, '/v3/pipeline', { baton: 'forged', requests: [] });
    expect(forged.status).toBe(400);

    const end = await pipeline(server.url, '/v3/pipeline', inside.baton, [
      { type: 'execute', stmt: { sql: 'ROLLBACK' } },
      { type: 'get_autocommit' },
      { type: 'close' },
    ]);
    expect(okResponse(end, 1)).toEqual({ type: 'get_autocommit', is_autocommit: true });
    expect(end.baton).toBeNull();
  });

  it('keeps v3-only requests off v2', async ({ server }) => {
    const response = await post(server.url, '/v2/pipeline', { baton: null, requests: [{ type: 'get_autocommit' }] });
    expect(response.status).toBe(400);
  });

  it('evaluates batch conditions, stored SQL and describe', async ({ server }) => {
    const body = await pipeline(server.url, '/v3/pipeline', null, [
      { type: 'store_sql', sql_id: 7, sql: 'SELECT :x AS x, ? AS y' },
      { type: 'describe', sql_id: 7 },
      {
        type: 'batch',
        batch: {
          steps: [
            { stmt: { sql: 'SELECT no_such_function()' } },
            { condition: { type: 'error', step: 0 }, stmt: { sql: "SELECT 'recovered' AS r" } },
            { condition: { type: 'ok', step: 0 }, stmt: { sql: "SELECT 'skipped'" } },
            {
              condition: { type: 'and', conds: [{ type: 'is_autocommit' }, { type: 'not', cond: { type: 'ok', step: 2 } }] },
              stmt: { sql: 'SELECT 1' },
            },
          ],
        },
      },
      { type: 'close' },
    ]);
    expect(okResponse(body, 1)).toEqual({
      type: 'describe',
      result: {
        params: [{ name: ':x' }, { name: null }],
        cols: [{ name: 'x', decltype: null }, { name: 'y', decltype: null }],
        is_explain: false,
        is_readonly: true,
      },
    });
    const batch = okResponse(body, 2);
    if (batch.type !== 'batch') throw new Error('expected a batch response');
    expect(batch.result.step_errors.map((error) => error?.code ?? null)).toEqual(['SQLITE_ERROR', null, null, null]);
    expect(batch.result.step_results.map((result) => (result ? result.rows : null))).toEqual([
      null, [[{ type: 'text', value: 'recovered' }]], null, [[{ type: 'integer', value: '1' }]],
    ]);
  });

  it('streams a batch through the v3 cursor endpoint as NDJSON', async ({ server }) => {
    const response = await post(server.url, '/v3/cursor', {
      baton: null,
      batch: {
        steps: [
          { stmt: { sql: 'SELECT value FROM json_each(?)', args: [{ type: 'text', value: '[1, 2]' }] } },
          { stmt: { sql: 'SELECT * FROM missing_table' } },
        ],
      },
    });
    expect(response.status).toBe(200);
    const lines = (await response.text()).trimEnd().split('\n').map((line) => JSON.parse(line) as unknown);
    const head = CursorRespBodySchema.parse(lines[0]);
    expect(head.baton).toEqual(expect.any(String));
    expect(lines.slice(1).map((line) => CursorEntrySchema.parse(line))).toEqual([
      { type: 'step_begin', step: 0, cols: [{ name: 'value', decltype: null }] },
      { type: 'row', row: [{ type: 'integer', value: '1' }] },
      { type: 'row', row: [{ type: 'integer', value: '2' }] },
      { type: 'step_end', affected_row_count: 0, last_insert_rowid: null },
      { type: 'step_error', step: 1, error: { message: 'SQLite error: no such table: missing_table', code: 'SQLITE_ERROR' } },
    ]);
    await pipeline(server.url, '/v3/pipeline', head.baton, [{ type: 'close' }]);
  });
});

describe('locking and expiry', () => {
  it('fails a writer with SQLITE_BUSY once the lock timeout passes', async ({ startServer, connect }) => {
    const short = await startServer({ file: 'lock.db', lockTimeoutMs: 200 });
    const client = connect({ url: short.url });
    const other = connect({ url: short.url });
    await client.execute('CREATE TABLE busy (n INTEGER)');
    const tx = await client.transaction('write');
    await tx.execute('INSERT INTO busy VALUES (1)');
    await expect(other.execute('INSERT INTO busy VALUES (2)')).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    await tx.rollback();
    await other.execute('INSERT INTO busy VALUES (3)');
    expect(await count(other, 'busy')).toBe(1);
  });

  it('expires an abandoned stream, rolling back its transaction and freeing the lock', async ({ startServer, connect }) => {
    const quick = await startServer({ file: 'expiry.db', lockTimeoutMs: 200, streamExpiryMs: 300 });
    const open = await pipeline(quick.url, '/v3/pipeline', null, [
      { type: 'execute', stmt: { sql: 'CREATE TABLE abandoned (n INTEGER)' } },
      { type: 'execute', stmt: { sql: 'BEGIN IMMEDIATE' } },
      { type: 'execute', stmt: { sql: 'INSERT INTO abandoned VALUES (1)' } },
    ]);
    await sleep(600);
    const late = await post(quick.url, '/v3/pipeline', { baton: open.baton, requests: [{ type: 'execute', stmt: { sql: 'COMMIT' } }] });
    expect(late.status).toBe(500);
    expect(await late.json()).toMatchObject({ code: 'STREAM_EXPIRED' });

    const client = connect({ url: quick.url });
    await client.execute('INSERT INTO abandoned VALUES (2)');
    const { rows } = await client.execute('SELECT n FROM abandoned');
    expect(rows.map((row) => row.n)).toEqual([2]);
    expect(quick.openStreams()).toBe(0);
  });
});
