// The teachers' facts inventory: every fact the edu documents must carry (from the seeds or from the GDPR and
// AI Act texts), the document that carries it, and the term that proves it in each language.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Lang } from '../../agents/language/languages.ts';

/** The legal texts the edu documents may cite: the GDPR and the AI Act. */
export const LEGAL_TEXTS = ['Regulation (EU) 2016/679 (GDPR)', 'Regulation (EU) 2024/1689 (AI Act)'] as const;

export const EduFactSchema = z
  .object({
    id: z.string().regex(/^e\d+$/),
    fact: z.string().min(10),
    seed: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/).optional(),
    law: z.string().refine((law) => LEGAL_TEXTS.some((text) => law.startsWith(`${text}, `)), 'names the GDPR or the AI Act, then the article').optional(),
    docId: z.string().regex(/^edu-[a-z0-9-]+$/),
    key: z.string().min(1).optional(),
    keys: z.object({ en: z.string(), fr: z.string(), de: z.string(), lb: z.string() }).optional(),
  })
  .refine((fact) => Boolean(fact.seed) !== Boolean(fact.law), 'a fact comes from either a seed or a legal text')
  .refine((fact) => Boolean(fact.key) !== Boolean(fact.keys), 'a fact has either key or keys');
export type EduFact = z.infer<typeof EduFactSchema>;

export function loadEduFacts(): EduFact[] {
  return z.array(EduFactSchema).parse(JSON.parse(readFileSync(new URL('./facts.json', import.meta.url), 'utf8')));
}

export const eduFactKey = (fact: EduFact, lang: Lang): string => fact.key ?? fact.keys![lang];
