// The committed migrations up to a tag, for tests that migrate a database as it was before one of them.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS_FOLDER } from '../../db/migrate.ts';

/** A folder with the committed migrations before (not including) `tag`; the caller removes `dir` when done. */
export function migrationsBefore(tag: string): { dir: string; count: number } {
  const dir = mkdtempSync(join(tmpdir(), 'aif-migrations-'));
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((entry) => entry.tag === tag);
  if (at < 0) throw new Error(`no migration ${tag}`);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return { dir, count: at };
}
