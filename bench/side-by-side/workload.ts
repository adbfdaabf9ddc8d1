// What the load asks and what the stand-in model answers: real questions from eval/questions in the four
// languages, and per language one cited answer that passes the assistant's language guard, so every turn is one
// retrieval and one model call answering directly, on both servers.
import { readFileSync } from 'node:fs';
import { LANGS, type Lang } from '../../agents/language/languages.ts';
import type { ChatReply, ChatRequest } from '../../test/support/ollama/index.ts';

export const ANSWERS: Record<Lang, string> = {
  en: 'Based on the published information, the Luxembourg AI Factory helps companies, start-ups, public bodies and researchers adopt artificial intelligence, with access to the MeluXina-AI supercomputer and to experts who guide each project from the first idea to deployment [1].',
  fr: "D'après les informations publiées, la Luxembourg AI Factory aide les entreprises, les start-ups, les organismes publics et les chercheurs à adopter l'intelligence artificielle, avec un accès au supercalculateur MeluXina-AI et à des experts qui accompagnent chaque projet [1].",
  de: 'Nach den veröffentlichten Informationen hilft die Luxembourg AI Factory Unternehmen, Start-ups, öffentlichen Stellen und Forschenden dabei, künstliche Intelligenz einzusetzen, mit Zugang zum Supercomputer MeluXina-AI und zu Fachleuten, die jedes Projekt begleiten [1].',
  lb: "Laut den ëffentlechen Informatiounen hëlleft d'Luxembourg AI Factory de Betriber, de Start-ups, den ëffentlechen Institutiounen an de Fuerscher, fir künstlech Intelligenz anzesetzen; si kréien Zougang zum Supercomputer MeluXina-AI an zu Experten, déi all Projet begleeden [1].",
};

/** The answer's first word, which marks the model's first token in either server's stream. */
export const firstWord = (lang: Lang) => ANSWERS[lang].split(' ')[0]!;

export type Question = { lang: Lang; text: string };

/** Every `step`-th question of eval/questions/<lang>.json, so the topics spread over the whole knowledge. */
export function evalQuestions(perLanguage: number): Question[] {
  return LANGS.flatMap((lang) => {
    const all = JSON.parse(readFileSync(new URL(`../../eval/questions/${lang}.json`, import.meta.url), 'utf8')) as { question: string }[];
    const step = Math.max(1, Math.floor(all.length / perLanguage));
    return all.filter((_, i) => i % step === 0).slice(0, perLanguage).map((q) => ({ lang, text: q.question }));
  });
}

/** The stand-in's reply: the answer in the language of the question it is asked (the last user message). */
export function replyInLanguageOf(questions: readonly Question[]): (request: ChatRequest) => ChatReply {
  const langOf = new Map(questions.map((q) => [q.text, q.lang]));
  return (request) => {
    const asked = request.messages?.findLast((m) => m.role === 'user')?.content ?? '';
    return { content: ANSWERS[langOf.get(asked.trim()) ?? 'en'] };
  };
}

/** Conversation `i` of a phase: `turns` questions of one language, languages taking turns across conversations. */
export function conversation(questions: readonly Question[], i: number, turns: number): Question[] {
  const lang = LANGS[i % LANGS.length]!;
  const pool = questions.filter((q) => q.lang === lang);
  return Array.from({ length: turns }, (_, t) => pool[(Math.floor(i / LANGS.length) * turns + t) % pool.length]!);
}
