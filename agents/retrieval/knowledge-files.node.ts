// Reads knowledge/<lang>/*.md from disk (Node only: the edge gets its index from `npm run ingest`).
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGS } from '../language/languages.ts';
import type { KnowledgeFile } from './ingest.ts';

export const KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge', import.meta.url));

export async function readKnowledgeFiles(dir = KNOWLEDGE_DIR): Promise<KnowledgeFile[]> {
  const files: KnowledgeFile[] = [];
  for (const lang of LANGS) {
    const folder = join(dir, lang);
    const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.md')).sort();
    for (const name of names) {
      const path = join(folder, name);
      files.push({ path: relative(dir, path), content: await readFile(path, 'utf8') });
    }
  }
  return files;
}
