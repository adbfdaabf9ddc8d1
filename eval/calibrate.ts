// Calibration of the answer threshold: in-scope eval questions should be answered, out-of-scope ones refused.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { questionTerms, supportsAnswer } from '../agents/answer/confidence.ts';
import { chunkFrequencies } from '../db/queries/knowledge.ts';
import { chooseLanguage } from '../agents/language/choose.ts';
import { LANGS, LangSchema, type Lang } from '../agents/language/languages.ts';
import { searchKnowledge } from '../agents/retrieval/search.ts';
import { makeApp } from '../test/support/app.ts';
import { loadQuestions } from './evaluate.ts';

const OutOfScopeSchema = z.array(z.object({ id: z.string(), lang: LangSchema, question: z.string() }));
export const loadOutOfScope = (lang: Lang) =>
  OutOfScopeSchema.parse(JSON.parse(readFileSync(new URL(`./out-of-scope/${lang}.json`, import.meta.url), 'utf8')));

export type Calibration = { lang: Lang; inScope: boolean[]; outOfScope: boolean[] };
export type Rates = { lang: Lang; falseRefusal: number; falseAnswer: number };

/** Whether the chat route would answer each question (true) or refuse it. */
export async function decisions(langs: readonly Lang[] = LANGS): Promise<Calibration[]> {
  const { deps, dispose } = await makeApp({ env: { LLM_MODE: 'offline' } });
  const best = async (question: string, uiLang: Lang) => {
    const { lang } = chooseLanguage({ message: question, acceptLanguage: uiLang });
    const results = await searchKnowledge({ db: deps.db }, { query: question, lang, k: 4 });
    const terms = questionTerms(question, lang);
    const stats = await chunkFrequencies(deps.db, terms.map((term) => term.stem));
    return results.some((r) => r.lang === lang && supportsAnswer(terms, r, stats));
  };
  try {
    const out: Calibration[] = [];
    for (const lang of langs) {
      const inScope = await Promise.all(loadQuestions(lang).map((q) => best(q.question, lang)));
      const outOfScope = await Promise.all(loadOutOfScope(lang).map((q) => best(q.question, lang)));
      out.push({ lang, inScope, outOfScope });
    }
    return out;
  } finally {
    dispose();
  }
}

export function rates(calibration: Calibration[]): Rates[] {
  return calibration.map(({ lang, inScope, outOfScope }) => ({
    lang,
    falseRefusal: inScope.filter((answered) => !answered).length / inScope.length,
    falseAnswer: outOfScope.filter((answered) => answered).length / outOfScope.length,
  }));
}
