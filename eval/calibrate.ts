// Calibration of the answer decision: in-scope questions (eval and keyword sets) answered, out-of-scope ones
// (everyday requests among them) refused.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { assessQuestion, statPrefixes, supportsAnswer } from '../agents/answer/confidence.ts';
import { chunkFrequencies } from '../db/queries/knowledge.ts';
import { chooseLanguage } from '../agents/language/choose.ts';
import { LANGS, LangSchema, type Lang } from '../agents/language/languages.ts';
import { scopeOf, searchInScope } from '../agents/chat/scope.ts';
import { makeApp } from '../test/support/app.ts';
import { loadChatSets } from './chat.ts';
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
    const results = await searchInScope({ db: deps.db, knowledge: deps.knowledge }, { query: question, lang, k: 4 }, 'public');
    const assessed = assessQuestion(question, lang);
    const stats = await chunkFrequencies(deps.db, statPrefixes(assessed), lang, scopeOf('public'));
    return results.some((r) => r.lang === lang && supportsAnswer(assessed, r, stats));
  };
  try {
    const out: Calibration[] = [];
    for (const lang of langs) {
      // The harder sets too: two- or three-word keyword questions, and everyday requests that share words with it.
      const sets = loadChatSets(lang);
      const inScope = await Promise.all([...loadQuestions(lang).map((q) => q.question), ...sets.keywords.map((k) => k.question)].map((q) => best(q, lang)));
      const outOfScope = await Promise.all([...loadOutOfScope(lang).map((q) => q.question), ...sets.sharedWords].map((q) => best(q, lang)));
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
