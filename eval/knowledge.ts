// Reads the knowledge documents of one language as id → body text, for the eval and the knowledge tests.
import { readdirSync, readFileSync } from 'node:fs';
import matter from 'gray-matter';
import type { Lang } from '../agents/language/languages.ts';

export const knowledgeFolder = (lang: Lang) => new URL(`../knowledge/${lang}/`, import.meta.url);

export function readKnowledgeDocs(lang: Lang): Map<string, string> {
  const folder = knowledgeFolder(lang);
  return new Map(
    readdirSync(folder)
      .filter((name) => name.endsWith('.md'))
      .map((name) => [name.replace(/\.md$/, ''), matter(readFileSync(new URL(name, folder), 'utf8')).content]),
  );
}
