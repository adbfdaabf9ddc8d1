// The facts inventory: every fact of the seeds, the document that carries it, and the term that proves it.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Lang } from '../agents/language/languages.ts';

export const FactSchema = z
  .object({
    id: z.string().regex(/^f\d+$/),
    fact: z.string().min(10),
    seed: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/),
    docId: z.string(),
    key: z.string().min(1).optional(),
    keys: z.object({ en: z.string(), fr: z.string(), de: z.string(), lb: z.string() }).optional(),
  })
  .refine((fact) => Boolean(fact.key) !== Boolean(fact.keys), 'a fact has either key or keys');
export type Fact = z.infer<typeof FactSchema>;

export function loadFacts(): Fact[] {
  return z.array(FactSchema).parse(JSON.parse(readFileSync(new URL('./facts.json', import.meta.url), 'utf8')));
}

export const factKey = (fact: Fact, lang: Lang): string => fact.key ?? fact.keys![lang];

const fold = (text: string) =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u00a0\u202f\u2009]/g, ' ')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2010-\u2014]/g, '-')
    .replace(/\s+%/g, '%');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Short keys (numbers, acronyms) must stand alone, so "13" is not found in "2013"; longer keys may be inflected. */
export function containsKey(text: string, key: string): boolean {
  const k = fold(key);
  const t = fold(text);
  if (/^[\d.,%]+$/.test(k) || k.length <= 4) return new RegExp(`(?<![\\p{L}\\p{N}])${escape(k)}s?(?![\\p{L}\\p{N}])`, 'u').test(t);
  return t.includes(k);
}
