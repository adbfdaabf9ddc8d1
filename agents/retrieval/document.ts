// A knowledge document: Markdown with validated front matter, and its heading-aware chunks.
import matter from 'gray-matter';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { z } from 'zod';
import { LangSchema, type Lang } from '../language/languages.ts';

export const AUDIENCES = ['sme', 'startup', 'large', 'public', 'research', 'citizen', 'teacher'] as const;

export const FrontMatterSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase words joined by hyphens'),
  title: z.string().min(3),
  lang: LangSchema,
  audience: z.array(z.enum(AUDIENCES)).min(1),
  source: z.array(z.string().min(1)).min(1),
  url: z.url({ protocol: /^https$/ }).optional(),
  // YAML reads an unquoted date as a Date; the database keeps the ISO day.
  updated: z.union([z.date().transform((date) => date.toISOString().slice(0, 10)), z.iso.date()]),
  review: z.enum(['machine', 'native']),
});

export type FrontMatter = z.infer<typeof FrontMatterSchema>;
export type KnowledgeDocument = FrontMatter & { body: string };
export type Chunk = {
  chunkId: string;
  docId: string;
  lang: Lang;
  title: string;
  headingPath: string[];
  text: string;
  position: number;
};

// Sections longer than this are split at paragraph boundaries so a chunk stays a quotable passage.
const MAX_SECTION_CHARS = 1200;

export function parseDocument(raw: string, origin: string): KnowledgeDocument {
  const { data, content } = matter(raw);
  const result = FrontMatterSchema.safeParse(data);
  if (!result.success) {
    throw new Error(`${origin}: invalid front matter: ${result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
  return { ...result.data, body: content };
}

type Section = { headingPath: string[]; text: string };

/** Splits Markdown at its headings, keeping each section's heading path (the H1 title itself is left out). */
export function splitSections(body: string, title: string): Section[] {
  const sections: Section[] = [];
  const path: { level: number; text: string }[] = [];
  let lines: string[] = [];
  const flush = () => {
    const text = lines.join('\n').trim();
    if (text) sections.push({ headingPath: path.map((h) => h.text), text });
    lines = [];
  };
  for (const line of body.split('\n')) {
    const heading = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (!heading) {
      lines.push(line);
      continue;
    }
    flush();
    const level = heading[1]!.length;
    const text = heading[2]!;
    while (path.length && path[path.length - 1]!.level >= level) path.pop();
    if (!(level === 1 && text.trim() === title.trim())) path.push({ level, text });
  }
  flush();
  return sections;
}

export async function chunkDocument(doc: KnowledgeDocument): Promise<Chunk[]> {
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: MAX_SECTION_CHARS, chunkOverlap: 120, separators: ['\n\n', '\n', '. ', ' '] });
  const chunks: Chunk[] = [];
  for (const section of splitSections(doc.body, doc.title)) {
    // A sentence that ends in a colon introduces the list after it: the blank line between them is no place to cut,
    // or a passage ends on "… can cooperate in these activities:" and the next one starts with the list alone.
    const text = section.text.replace(/:\n\n(?=[-*+] |\d+[.)] )/g, ':\n');
    const pieces = text.length > MAX_SECTION_CHARS ? await splitter.splitText(text) : [text];
    for (const text of pieces) {
      const position = chunks.length;
      chunks.push({ chunkId: `${doc.id}:${doc.lang}:${position}`, docId: doc.id, lang: doc.lang, title: doc.title, headingPath: section.headingPath, text, position });
    }
  }
  return chunks;
}
