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

/** Paragraphs of 12 words or more (headings left out): long enough for franc-all to judge their language. */
export function paragraphs(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((block) => block.replace(/^#+\s.*$/gm, '').trim())
    .filter((block) => block.split(/\s+/).length >= 12);
}
