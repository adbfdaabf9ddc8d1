// A small SQLite lexer: splits SQL into statements, finds their parameters and whether they may write.

// libsql's Node binding exposes neither the parameter table nor sqlite3_stmt_readonly, and it aborts the process
// when a named binding meets an anonymous `?`. So the stand-in reads the SQL itself, following SQLite's own
// tokenizer rules closely enough for the statements an application sends.

type TokenKind = 'word' | 'param' | 'semi' | 'literal' | 'punct';

interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
}

export interface StatementInfo {
  /** The statement's text without the terminating semicolon. */
  text: string;
  /** First keyword, upper-cased; '' when the statement does not start with a word. */
  keyword: string;
  /** May take SQLite's write lock, so the stream must hold the server's write lock first. */
  writes: boolean;
  /** INSERT/UPDATE/DELETE/REPLACE: the affected row count and last rowid mean something. */
  changesRows: boolean;
  isExplain: boolean;
  /** Parameter names by index (entry i is parameter i+1); null for `?` and for unused indexes. */
  params: (string | null)[];
}

const isIdChar = (c: string | undefined): boolean =>
  c !== undefined && (/[A-Za-z0-9_$]/.test(c) || c.charCodeAt(0) >= 0x80);
const isIdStart = (c: string): boolean => /[A-Za-z_]/.test(c) || c.charCodeAt(0) >= 0x80;

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  const push = (kind: TokenKind, start: number, end: number): void => {
    tokens.push({ kind, text: sql.slice(start, end), start, end });
  };
  let i = 0;
  while (i < sql.length) {
    const c = sql[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '-' && sql[i + 1] === '-') {
      const newline = sql.indexOf('\n', i);
      i = newline < 0 ? sql.length : newline + 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      const close = sql.indexOf('*/', i + 2);
      i = close < 0 ? sql.length : close + 2;
    } else if (c === "'" || c === '"' || c === '`' || c === '[') {
      // Strings and quoted identifiers; a doubled quote inside escapes itself. Neither can be a keyword.
      const quote = c === '[' ? ']' : c;
      let j = i + 1;
      for (;;) {
        const close = sql.indexOf(quote, j);
        if (close < 0) {
          j = sql.length;
          break;
        }
        if (quote !== ']' && sql[close + 1] === quote) {
          j = close + 2;
          continue;
        }
        j = close + 1;
        break;
      }
      push('literal', i, j);
      i = j;
    } else if (c === ';') {
      push('semi', i, i + 1);
      i++;
    } else if (c === '?') {
      let j = i + 1;
      while (j < sql.length && /[0-9]/.test(sql[j] as string)) j++;
      push('param', i, j);
      i = j;
    } else if (c === ':' || c === '@' || c === '$') {
      // Same shape as SQLite's TK_VARIABLE: identifier characters, `::` segments and a `(…)` suffix.
      let j = i + 1;
      let named = 0;
      while (j < sql.length) {
        const d = sql[j];
        if (isIdChar(d)) {
          named++;
          j++;
        } else if (d === '(' && named > 0) {
          const close = sql.indexOf(')', j);
          j = close < 0 ? sql.length : close + 1;
          break;
        } else if (d === ':' && sql[j + 1] === ':') {
          j += 2;
        } else {
          break;
        }
      }
      push(named > 0 ? 'param' : 'punct', i, named > 0 ? j : i + 1);
      i = named > 0 ? j : i + 1;
    } else if (isIdStart(c)) {
      let j = i + 1;
      while (isIdChar(sql[j])) j++;
      push('word', i, j);
      i = j;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      let j = i + 1;
      while (j < sql.length && /[0-9A-Za-z_.]/.test(sql[j] as string)) {
        // An exponent may carry a sign: 1e+5.
        j += /[eE]/.test(sql[j] as string) && /[+-]/.test(sql[j + 1] ?? '') ? 2 : 1;
      }
      push('literal', i, j);
      i = j;
    } else {
      push('punct', i, i + 1);
      i++;
    }
  }
  return tokens;
}

const upper = (token: Token | undefined): string => (token?.kind === 'word' ? token.text.toUpperCase() : '');

function isCreateTrigger(tokens: Token[]): boolean {
  if (upper(tokens[0]) !== 'CREATE') return false;
  const next = upper(tokens[1]);
  return next === 'TRIGGER' || ((next === 'TEMP' || next === 'TEMPORARY') && upper(tokens[2]) === 'TRIGGER');
}

/** Splits a SQL text into its statements, skipping empty ones (`;;`, comments only). */
export function splitStatements(sql: string): StatementInfo[] {
  const groups: Token[][] = [];
  let current: Token[] = [];
  for (const token of tokenize(sql)) {
    // Inside CREATE TRIGGER … BEGIN … END the body's semicolons do not end the statement; like
    // sqlite3_complete(), only a semicolon right after END does.
    const ends = token.kind === 'semi' && (!isCreateTrigger(current) || upper(current.at(-1)) === 'END');
    if (!ends) {
      current.push(token);
    } else if (current.length > 0) {
      groups.push(current);
      current = [];
    }
  }
  if (current.length > 0) groups.push(current);
  return groups.map((tokens) => analyze(sql, tokens));
}

// Pragmas that only report, so reading them needs no write lock; anything else (or with `=`) is a write.
const READ_PRAGMAS = new Set([
  'application_id', 'busy_timeout', 'collation_list', 'compile_options', 'data_version', 'database_list',
  'foreign_key_check', 'foreign_key_list', 'foreign_keys', 'freelist_count', 'function_list', 'index_info',
  'index_list', 'index_xinfo', 'integrity_check', 'journal_mode', 'module_list', 'page_count', 'page_size',
  'pragma_list', 'quick_check', 'schema_version', 'table_info', 'table_list', 'table_xinfo', 'user_version',
]);

const DML = new Set(['INSERT', 'UPDATE', 'DELETE', 'REPLACE']);
const TX_CONTROL = new Set(['COMMIT', 'END', 'ROLLBACK', 'SAVEPOINT', 'RELEASE']);

/** The statement a WITH clause leads to: the first top-level SELECT/VALUES/DML keyword after the CTEs. */
function keywordAfterWith(tokens: Token[]): string {
  let depth = 0;
  for (const token of tokens.slice(1)) {
    if (token.text === '(') depth++;
    else if (token.text === ')') depth--;
    else if (depth === 0) {
      const word = upper(token);
      if (word === 'SELECT' || word === 'VALUES' || DML.has(word)) return word;
    }
  }
  return 'SELECT';
}

function classify(tokens: Token[]): Pick<StatementInfo, 'writes' | 'changesRows' | 'isExplain'> {
  const keyword = upper(tokens[0]);
  const main = keyword === 'WITH' ? keywordAfterWith(tokens) : keyword;
  if (main === 'SELECT' || main === 'VALUES') return { writes: false, changesRows: false, isExplain: false };
  if (main === 'EXPLAIN') return { writes: false, changesRows: false, isExplain: true };
  if (DML.has(main)) return { writes: true, changesRows: true, isExplain: false };
  if (TX_CONTROL.has(main)) return { writes: false, changesRows: false, isExplain: false };
  if (main === 'BEGIN') {
    // A deferred (or libsql READONLY) transaction takes no write lock until it writes.
    const mode = upper(tokens[1]);
    return { writes: mode === 'IMMEDIATE' || mode === 'EXCLUSIVE', changesRows: false, isExplain: false };
  }
  if (main === 'PRAGMA') {
    const name = upper(tokens[2]?.text === '.' ? tokens[3] : tokens[1]).toLowerCase();
    const assigns = tokens.some((token) => token.text === '=');
    return { writes: assigns || !READ_PRAGMAS.has(name), changesRows: false, isExplain: false };
  }
  // CREATE, DROP, ALTER, VACUUM, ANALYZE, REINDEX, ATTACH… and anything unrecognised: assume a write.
  return { writes: true, changesRows: false, isExplain: false };
}

/** SQLite's numbering: `?NNN` takes NNN, `?` the next free index, a new name the next free index. */
function parameters(tokens: Token[]): (string | null)[] {
  const params: (string | null)[] = [];
  const indexOf = new Map<string, number>();
  for (const token of tokens) {
    if (token.kind !== 'param') continue;
    if (token.text === '?') {
      params.push(null);
    } else if (token.text.startsWith('?')) {
      const index = Number(token.text.slice(1));
      while (params.length < index) params.push(null);
      params[index - 1] = token.text;
    } else if (!indexOf.has(token.text)) {
      params.push(token.text);
      indexOf.set(token.text, params.length);
    }
  }
  return params;
}

function analyze(sql: string, tokens: Token[]): StatementInfo {
  const first = tokens[0] as Token;
  const last = tokens.at(-1) as Token;
  return {
    text: sql.slice(first.start, last.end),
    keyword: upper(first),
    ...classify(tokens),
    params: parameters(tokens),
  };
}
